package com.memberpoints.domain.notify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The message templates, per {@link NotificationKind} and locale ({@code en} and {@code zh-TW}). Placeholders:
 * {@code {store} {member} {amount} {balance} {expiry} {reason}}. The expiry sentence is a separate part used
 * only when something in the balance expires; the reason appears only in {@link NotificationKind#STAFF_POINTS} and
 * {@link NotificationKind#STAFF_CREDITS}.
 *
 * <p>Locale choice: the member's locale, else the store's default locale, else {@code en}; a locale matches a
 * template exactly by language tag, or by language alone ({@code zh-Hant-TW} and {@code zh} use {@code zh-TW}).
 */
public final class NotificationTemplates {

    /** One kind in one language. {@code paragraphs} make the email body (text and HTML). */
    public record Template(String subject, List<String> paragraphs, String expiryParagraph, String sms,
                           String smsExpiry, String fallbackName) {
        public Template {
            Objects.requireNonNull(subject, "subject");
            paragraphs = List.copyOf(paragraphs);
            Objects.requireNonNull(expiryParagraph, "expiryParagraph");
            Objects.requireNonNull(sms, "sms");
            Objects.requireNonNull(smsExpiry, "smsExpiry");
            Objects.requireNonNull(fallbackName, "fallbackName");
        }
    }

    public static final Locale EN = Locale.ENGLISH;
    public static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    private static final Map<Locale, Map<NotificationKind, Template>> TEMPLATES = Map.of(
            EN, Map.of(
                    NotificationKind.ORDER_POINTS, new Template(
                            "{store}: you earned {amount} points",
                            List.of("Hi {member},",
                                    "You earned {amount} points on your order at {store}. Your balance is now {balance} points."),
                            "Your nearest points expire on {expiry}.",
                            "{store}: you earned {amount} points. Balance: {balance} points.",
                            " Next expiry: {expiry}.",
                            "there"),
                    NotificationKind.STAFF_POINTS, new Template(
                            "{store}: {amount} points added to your account",
                            List.of("Hi {member},",
                                    "{store} added {amount} points to your account. Reason: {reason}",
                                    "Your balance is now {balance} points."),
                            "Your nearest points expire on {expiry}.",
                            "{store}: {amount} points added ({reason}). Balance: {balance} points.",
                            " Next expiry: {expiry}.",
                            "there"),
                    NotificationKind.ORDER_CREDITS, new Template(
                            "{store}: you received {amount} in store credits",
                            List.of("Hi {member},",
                                    "Thank you for your order! {store} gave you {amount} in store credits."
                                            + " Your credit balance is now {balance}."),
                            "Your nearest credits expire on {expiry}.",
                            "{store}: you received {amount} in store credits. Credit balance: {balance}.",
                            " Next expiry: {expiry}.",
                            "there"),
                    NotificationKind.STAFF_CREDITS, new Template(
                            "{store}: {amount} in store credits added to your account",
                            List.of("Hi {member},",
                                    "{store} added {amount} in store credits to your account. Reason: {reason}",
                                    "Your credit balance is now {balance}."),
                            "Your nearest credits expire on {expiry}.",
                            "{store}: {amount} in store credits added ({reason}). Credit balance: {balance}.",
                            " Next expiry: {expiry}.",
                            "there"),
                    NotificationKind.POINTS_EXPIRING, new Template(
                            "{store}: {amount} points expire on {expiry}",
                            List.of("Hi {member},",
                                    "{amount} of your points at {store} expire on {expiry}."
                                            + " Your balance is {balance} points."),
                            "Use them at checkout before then.",
                            "{store}: {amount} points expire on {expiry}.",
                            " Balance: {balance} points.",
                            "there"),
                    NotificationKind.CREDITS_EXPIRING, new Template(
                            "{store}: {amount} in store credits expire on {expiry}",
                            List.of("Hi {member},",
                                    "{amount} of your store credits at {store} expire on {expiry}."
                                            + " Your credit balance is {balance}."),
                            "Use them at checkout before then.",
                            "{store}: {amount} in store credits expire on {expiry}.",
                            " Credit balance: {balance}.",
                            "there")),
            ZH_TW, Map.of(
                    NotificationKind.ORDER_POINTS, new Template(
                            "{store}：您獲得 {amount} 點",
                            List.of("{member} 您好，",
                                    "您在 {store} 的訂單獲得 {amount} 點，目前點數餘額為 {balance} 點。"),
                            "最近一批點數將於 {expiry} 到期。",
                            "{store}：您獲得 {amount} 點，餘額 {balance} 點。",
                            "最近到期日 {expiry}。",
                            "會員"),
                    NotificationKind.STAFF_POINTS, new Template(
                            "{store}：已為您新增 {amount} 點",
                            List.of("{member} 您好，",
                                    "{store} 已為您的帳戶新增 {amount} 點。原因：{reason}",
                                    "目前點數餘額為 {balance} 點。"),
                            "最近一批點數將於 {expiry} 到期。",
                            "{store}：已新增 {amount} 點（{reason}），餘額 {balance} 點。",
                            "最近到期日 {expiry}。",
                            "會員"),
                    NotificationKind.ORDER_CREDITS, new Template(
                            "{store}：您獲得 {amount} 購物金",
                            List.of("{member} 您好，",
                                    "感謝您的訂購！{store} 送您 {amount} 購物金，目前購物金餘額為 {balance}。"),
                            "最近一批購物金將於 {expiry} 到期。",
                            "{store}：您獲得 {amount} 購物金，餘額 {balance}。",
                            "最近到期日 {expiry}。",
                            "會員"),
                    NotificationKind.STAFF_CREDITS, new Template(
                            "{store}：已為您新增 {amount} 購物金",
                            List.of("{member} 您好，",
                                    "{store} 已為您的帳戶新增 {amount} 購物金。原因：{reason}",
                                    "目前購物金餘額為 {balance}。"),
                            "最近一批購物金將於 {expiry} 到期。",
                            "{store}：已新增 {amount} 購物金（{reason}），餘額 {balance}。",
                            "最近到期日 {expiry}。",
                            "會員"),
                    NotificationKind.POINTS_EXPIRING, new Template(
                            "{store}：您有 {amount} 點將於 {expiry} 到期",
                            List.of("{member} 您好，",
                                    "您在 {store} 有 {amount} 點將於 {expiry} 到期，目前點數餘額為 {balance} 點。"),
                            "請在到期前於結帳時使用。",
                            "{store}：您有 {amount} 點將於 {expiry} 到期。",
                            "餘額 {balance} 點。",
                            "會員"),
                    NotificationKind.CREDITS_EXPIRING, new Template(
                            "{store}：您有 {amount} 購物金將於 {expiry} 到期",
                            List.of("{member} 您好，",
                                    "您在 {store} 有 {amount} 購物金將於 {expiry} 到期，目前購物金餘額為 {balance}。"),
                            "請在到期前於結帳時使用。",
                            "{store}：您有 {amount} 購物金將於 {expiry} 到期。",
                            "購物金餘額 {balance}。",
                            "會員")));

    private NotificationTemplates() {}

    /** The locales that have templates. */
    public static Set<Locale> locales() {
        return TEMPLATES.keySet();
    }

    public static Template template(NotificationKind kind, Locale locale) {
        Map<NotificationKind, Template> byKind = TEMPLATES.get(locale);
        if (byKind == null) {
            throw new IllegalArgumentException("no templates for " + locale.toLanguageTag());
        }
        return byKind.get(kind);
    }

    /** Member locale → store default locale → {@code en}. */
    public static Locale resolve(Optional<Locale> memberLocale, Locale storeDefault) {
        return memberLocale.flatMap(NotificationTemplates::match)
                .or(() -> match(storeDefault))
                .orElse(EN);
    }

    static Optional<Locale> match(Locale wanted) {
        for (Locale l : TEMPLATES.keySet()) {
            if (l.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())) {
                return Optional.of(l);
            }
        }
        for (Locale l : TEMPLATES.keySet()) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
