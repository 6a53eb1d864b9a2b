package com.memberpoints.domain.migration;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MemberText;
import com.memberpoints.domain.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a balance import file (pure; no store is read): RFC 4180 CSV in UTF-8, first row the header
 * {@value #HEADER}, then one balance per row:
 * <ul>
 *   <li>{@code memberId}: a member id of the store;</li>
 *   <li>{@code wallet}: {@code points} or {@code credits};</li>
 *   <li>{@code amount}: points as a whole number (1 to {@value #MAX_POINTS}); store credits as a decimal in the store
 *       currency with at most its number of decimals ({@code 12.50});</li>
 *   <li>{@code expiresOn}: the lot's last day {@code YYYY-MM-DD} in the store's time zone (not before today), or
 *       {@code never};</li>
 *   <li>{@code reason}: 1-200 characters, kept in the member's history.</li>
 * </ul>
 * Rows are numbered as a spreadsheet numbers them: the header is row 1. A blank row is skipped (its number is
 * used up). A row repeating the member, wallet and expiry of an earlier row is an error naming the earlier row: a
 * file concatenated twice would otherwise import every balance twice; two lots of the same expiry belong in one
 * row. A file that cannot be read at all (no header, no rows, more than {@value #MAX_ROWS} rows) is
 * {@link Result.Unreadable}.
 */
public final class ImportCsv {
    public static final String HEADER = "memberId,wallet,amount,expiresOn,reason";
    public static final int MAX_ROWS = 100_000;
    public static final long MAX_POINTS = 100_000_000L;
    /** Largest store-credit amount of one row, in major units of the currency. */
    public static final BigDecimal MAX_CREDITS = new BigDecimal("100000000");
    private static final List<String> COLUMNS = List.of("memberid", "wallet", "amount", "expireson", "reason");

    private ImportCsv() {}

    public sealed interface Result {
        /** Every row read; {@code digest} identifies the file's exact bytes. */
        record Parsed(String digest, List<ImportLine> lines) implements Result {
            public Parsed {
                lines = List.copyOf(lines);
            }

            public long errors() {
                return lines.stream().filter(l -> l.valid().isEmpty()).count();
            }
        }

        /** The file as a whole is unusable; {@code why} in the API's words. */
        record Unreadable(String why) implements Result {}
    }

    /** The file's identity: hex of the first 16 bytes of the SHA-256 of its UTF-8 text. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Reads {@code text}; {@code today} is the store's local date (an expiry before it is a row error) and
     * {@code currency} the store currency (the decimals allowed in a store-credit amount).
     */
    public static Result parse(String text, Currency currency, LocalDate today) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty() || !isHeader(records.getFirst())) {
            return new Result.Unreadable("the first row must be the header " + HEADER);
        }
        int last = records.size();
        while (last > 1 && blank(records.get(last - 1))) {
            last--;
        }
        if (last - 1 > MAX_ROWS) {
            return new Result.Unreadable("the file has " + (last - 1) + " rows after the header; at most " + MAX_ROWS);
        }
        List<ImportLine> lines = new ArrayList<>(last - 1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < last; i++) {
            List<String> fields = records.get(i);
            if (blank(fields)) {
                continue;
            }
            ImportLine line = line(i + 1, fields, currency, today);
            if (line.valid().isPresent()) {
                ImportRow r = line.valid().get();
                String key = r.member().value() + "\n" + r.wallet() + "\n" + r.expiresOn().map(LocalDate::toString)
                        .orElse("never");
                Integer earlier = seen.putIfAbsent(key, r.row());
                if (earlier != null) {
                    line = ImportLine.invalid(r.row(), r.member().value(), "duplicates row " + earlier
                            + " (same member, wallet and expiry): put the amounts in one row");
                }
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            return new Result.Unreadable("the file has no rows after the header");
        }
        return new Result.Parsed(digest(text), lines);
    }

    private static ImportLine line(int row, List<String> f, Currency currency, LocalDate today) {
        String memberText = f.getFirst().strip();
        if (f.size() != COLUMNS.size()) {
            return ImportLine.invalid(row, memberText, "has " + f.size() + " columns; expected 5 (" + HEADER + ")");
        }
        if (!MemberId.isValid(memberText)) {
            return ImportLine.invalid(row, memberText,
                    "memberId: must be a member id (1-128 characters of A-Z a-z 0-9 . _ : @ + -)");
        }
        Wallet wallet;
        switch (f.get(1).strip().toLowerCase(Locale.ROOT)) {
            case "points" -> wallet = Wallet.POINTS;
            case "credits" -> wallet = Wallet.CREDITS;
            default -> {
                return ImportLine.invalid(row, memberText, "wallet: must be points or credits");
            }
        }
        String amountText = f.get(2).strip();
        Optional<Long> amount = wallet == Wallet.POINTS ? points(amountText) : credits(amountText, currency);
        if (amount.isEmpty()) {
            return ImportLine.invalid(row, memberText, wallet == Wallet.POINTS
                    ? "amount: must be a whole number of points from 1 to " + MAX_POINTS
                    : "amount: must be a positive amount in " + currency.getCurrencyCode() + " with at most "
                    + Money.scaleOf(currency) + " decimals, e.g. " + example(currency));
        }
        String expiresText = f.get(3).strip();
        Optional<LocalDate> expiresOn;
        if (expiresText.equalsIgnoreCase("never")) {
            expiresOn = Optional.empty();
        } else {
            try {
                expiresOn = Optional.of(LocalDate.parse(expiresText));
            } catch (DateTimeParseException e) {
                return ImportLine.invalid(row, memberText, "expiresOn: must be a date YYYY-MM-DD or never");
            }
            if (expiresOn.get().isBefore(today)) {
                return ImportLine.invalid(row, memberText, "expiresOn: " + expiresText + " is in the past");
            }
        }
        String reason = f.get(4).strip();
        Optional<String> problem = MemberText.problem(reason, 1, LedgerCommand.MAX_REASON_LENGTH, false);
        if (problem.isPresent()) {
            return ImportLine.invalid(row, memberText, "reason: " + problem.get());
        }
        return ImportLine.of(new ImportRow(row, MemberId.of(memberText), wallet, amount.get(), expiresOn, reason));
    }

    private static Optional<Long> points(String text) {
        if (!text.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        long p = Long.parseLong(text);
        return p >= 1 && p <= MAX_POINTS ? Optional.of(p) : Optional.empty();
    }

    private static Optional<Long> credits(String text, Currency currency) {
        if (!text.matches("[0-9]{1,12}(\\.[0-9]{1,3})?")) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(text);
        int scale = Money.scaleOf(currency);
        if (v.signum() <= 0 || v.compareTo(MAX_CREDITS) > 0 || v.stripTrailingZeros().scale() > scale) {
            return Optional.empty();
        }
        return Optional.of(v.movePointRight(scale).longValueExact());
    }

    private static String example(Currency currency) {
        int scale = Money.scaleOf(currency);
        return scale == 0 ? "1250" : "12." + "50".substring(0, Math.min(2, scale)) + "0".repeat(Math.max(0, scale - 2));
    }

    private static boolean isHeader(List<String> fields) {
        if (fields.size() != COLUMNS.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).strip().toLowerCase(Locale.ROOT).equals(COLUMNS.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(List<String> fields) {
        return fields.size() == 1 && fields.getFirst().isBlank();
    }

    /** RFC 4180 records: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> quoted = field.isEmpty() || field.toString().isBlank() ? startQuote(field) : append(field, c);
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    out.add(fields);
                    fields = new ArrayList<>();
                }
                default -> field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            out.add(fields);
        }
        return out;
    }

    private static boolean startQuote(StringBuilder field) {
        field.setLength(0);
        return true;
    }

    private static boolean append(StringBuilder field, char c) {
        field.append(c);
        return false;
    }
}
