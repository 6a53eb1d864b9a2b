package com.memberpoints.functions.admin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No cell of the orders CSV starts like a formula once written; text is kept whole (one apostrophe at most). */
class ReportCellProperties {

    /** RFC 4180 parse of one CSV line (the fields of one record). */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> risky = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D", "\uFF0B", "\uFF0D",
                "\uFF20", "\"", ",", "'", " ");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                net.jqwik.api.Combinators.combine(risky, Arbitraries.strings().ofMaxLength(20)).as((a, b) -> a + b));
    }

    @Property(tries = 2000)
    void aTextCellNeverStartsLikeAFormula_andLosesNothing(@ForAll("texts") String value) {
        String cell = ReportsJson.field(new StringBuilder(), value).toString();
        List<String> parsed = parse(cell);
        assertThat(parsed).hasSize(1);
        String read = parsed.getFirst();
        assertThat(ReportsJson.startsLikeAFormula(read)).as(read).isFalse();
        assertThat(read).isEqualTo(ReportsJson.startsLikeAFormula(value) ? "'" + value : value);
    }

    @Property(tries = 1000)
    void aNumberCellIsANumberOrNeutralisedText(@ForAll("texts") String value,
                                               @ForAll long whole, @ForAll("cents") int cents) {
        String number = whole + "." + String.format("%02d", cents);
        assertThat(ReportsJson.number(new StringBuilder(), number).toString()).isEqualTo(number);
        String cell = parse(ReportsJson.number(new StringBuilder(), value).toString()).getFirst();
        assertThat(cell.matches("-?[0-9]+(\\.[0-9]+)?") || !ReportsJson.startsLikeAFormula(cell)).as(cell).isTrue();
    }

    @Provide
    Arbitrary<Integer> cents() {
        return Arbitraries.integers().between(0, 99);
    }

    @Provide
    Arbitrary<String> receiptIds() {
        return Arbitraries.strings().withChars("=+-@._:ABCxyz019").ofMinLength(1).ofMaxLength(30);
    }

    @Property(tries = 500)
    void noGeneratedRowHasACellStartingLikeAFormulaExceptNumbers(@ForAll("receiptIds") String receiptId,
                                                                  @ForAll("receiptIds") String memberId) {
        String member = memberId.replace("=", "a");
        Receipt r = new Receipt(MerchantId.of("shop-1"), ReceiptKind.POS_REDEMPTION, receiptId.replace("=", "+"),
                MemberId.of(member), Instant.parse("2026-11-02T01:00:00Z"),
                Money.of("12.30", Currency.getInstance("TWD")), 0, 120, Money.of("12.00", Currency.getInstance("TWD")),
                Actor.staff("s"), Optional.empty());
        List<OrderReportColumn> all = List.of(OrderReportColumn.values());
        StringBuilder csv = new StringBuilder();
        ReportsJson.row(csv, new ReportRow.ReceiptRow(r), all, ZoneId.of("Asia/Taipei"));
        List<String> cells = parse(csv.toString().stripTrailing());
        assertThat(cells).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            String cell = cells.get(i);
            if (all.get(i).numeric()) {
                assertThat(cell).matches("-?[0-9]+(\\.[0-9]+)?");
            } else {
                assertThat(ReportsJson.startsLikeAFormula(cell)).as(all.get(i) + ": " + cell).isFalse();
            }
        }
    }
}
