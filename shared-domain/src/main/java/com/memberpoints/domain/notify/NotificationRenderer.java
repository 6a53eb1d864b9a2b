package com.memberpoints.domain.notify;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link NotificationKind} for one member: subject, text part, HTML part (every value and every
 * template sentence HTML-escaped), SMS text and its {@link SmsCounter} size. Numbers and money are formatted
 * for the chosen locale; the expiry date is the date in the store's time zone, formatted for the locale.
 * Substitution is a single pass, so a value containing {@code {balance}} is printed as is.
 */
public final class NotificationRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private NotificationRenderer() {}

    public static RenderedNotification render(NotificationKind kind, Merchant store, Optional<Locale> memberLocale,
                                              NotificationVariables vars) {
        Locale locale = NotificationTemplates.resolve(memberLocale, store.defaultLocale());
        NotificationTemplates.Template t = NotificationTemplates.template(kind, locale);
        Map<String, String> values = new HashMap<>();
        values.put("store", store.name());
        values.put("member", vars.memberName().isBlank() ? t.fallbackName() : vars.memberName().strip());
        values.put("amount", amount(kind, store, locale, vars.amount()));
        values.put("balance", amount(kind, store, locale, vars.balanceAfter()));
        values.put("reason", vars.reason().strip());
        vars.nearestExpiry().ifPresent(at -> values.put("expiry", date(at, store, locale)));

        String subject = fill(t.subject(), values);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.toLanguageTag())
                .append("\"><body>");
        for (String paragraph : t.paragraphs()) {
            paragraph(text, html, fill(paragraph, values));
        }
        if (vars.nearestExpiry().isPresent()) {
            paragraph(text, html, fill(t.expiryParagraph(), values));
        }
        paragraph(text, html, store.name());
        html.append("</body></html>");
        String sms = fill(t.sms(), values) + (vars.nearestExpiry().isPresent() ? fill(t.smsExpiry(), values) : "");
        return new RenderedNotification(kind, locale, subject, html.toString(), text.toString().stripTrailing(), sms,
                SmsCounter.count(sms));
    }

    private static void paragraph(StringBuilder text, StringBuilder html, String line) {
        text.append(line).append("\n\n");
        html.append("<p>").append(escapeHtml(line)).append("</p>");
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("no value for placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String amount(NotificationKind kind, Merchant store, Locale locale, long value) {
        if (kind.isCredits()) {
            Money money = Money.ofMinor(value, store.currency());
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(store.currency());
            f.setMinimumFractionDigits(Money.scaleOf(store.currency()));
            f.setMaximumFractionDigits(Money.scaleOf(store.currency()));
            return f.format(money.amount());
        }
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private static String date(Instant at, Merchant store, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(store.zone()));
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
