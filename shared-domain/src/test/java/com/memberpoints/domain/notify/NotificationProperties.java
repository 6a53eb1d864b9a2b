package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NotificationProperties {

    private static final Merchant STORE = Fixtures.merchant();

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("<>&\"'{}#$\\ abcÀ點😀\n").ofMaxLength(60),
                Arbitraries.strings().ofMaxLength(60));
    }

    /** The HTML part says exactly what the text part says, escaped; nothing a caller typed becomes markup. */
    @Property(tries = 300)
    void htmlIsTheEscapedTextAndTheSmsSizeIsCounted(@ForAll("anyText") String name, @ForAll("anyText") String reason,
                                                    @ForAll NotificationKind kind, @ForAll boolean chinese) {
        Locale locale = chinese ? NotificationTemplates.ZH_TW : NotificationTemplates.EN;
        RenderedNotification r = NotificationRenderer.render(kind, STORE, Optional.of(locale),
                new NotificationVariables(name, 1, 1, Optional.of(Instant.parse("2022-12-31T15:59:59Z")), reason));

        String body = r.html().substring(r.html().indexOf("<body>") + 6, r.html().indexOf("</body>"));
        List<String> htmlParagraphs = new ArrayList<>();
        for (String p : body.split("</p>")) {
            assertThat(p).startsWith("<p>");
            String inner = p.substring(3);
            assertThat(inner).doesNotContain("<").doesNotContain(">").doesNotContain("\"");
            htmlParagraphs.add(unescape(inner));
        }
        assertThat(String.join("\n\n", htmlParagraphs).stripTrailing()).isEqualTo(r.text());
        assertThat(r.smsCount()).isEqualTo(SmsCounter.count(r.sms()));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** One step of a run: dispatch entry i, run the retry sweep, or let time pass. */
    record Step(int kind, int entry) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.integers().between(0, 2).flatMap(k -> Arbitraries.integers().between(0, 3)
                .map(e -> new Step(k, e))).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Integer>> answers() {
        return Arbitraries.integers().between(0, 6).list().ofMaxSize(30);
    }

    /**
     * Whatever the order of dispatches, sweeps and clock moves, and whatever the providers answer: each
     * (entry, channel) reaches the member at most once, a record is SENT exactly when its message was accepted,
     * and metered SMS parts are exactly the parts of the SMS accepted.
     */
    @Property(tries = 200)
    void atMostOncePerEntryAndChannelAndMeteringMatchesWhatWasSent(@ForAll("steps") List<Step> steps,
                                                                    @ForAll("answers") List<Integer> emailScript,
                                                                    @ForAll("answers") List<Integer> smsScript) {
        NotifyWorld world = new NotifyWorld();
        world.merchants.save(STORE);
        world.member(STORE, "amy", Optional.of("amy@example.com"), Optional.of("+886912345678"),
                Optional.of(Locale.ENGLISH));
        for (int a : emailScript) {
            world.emailAnswers.add(answer(a));
        }
        for (int a : smsScript) {
            world.smsAnswers.add(answer(a));
        }
        Instant at = Instant.parse("2021-12-04T01:00:00Z");
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LedgerResult r = world.ledger.apply(LedgerCommand.earn(STORE.id(), MemberId.of("amy"),
                    OrderId.of("o-" + i), 10 + i, Optional.empty(), at));
            entries.add(((LedgerResult.Applied) r).entry());
        }
        List<YearMonth> months = List.of(YearMonth.of(2021, 12));
        for (Step s : steps) {
            switch (s.kind()) {
                case 0 -> world.dispatcher.dispatch(List.of(entries.get(s.entry())));
                case 1 -> world.dispatcher.retryDue(STORE.id(), months, 100);
                default -> world.now.set(world.now.get().plus(Duration.ofMinutes(1L << s.entry())));
            }
        }

        for (JournalEntry e : entries) {
            String subject = "Shop One: you earned " + e.delta() + " points";
            long emailed = world.emails.stream().filter(m -> m.subject().equals(subject)).count();
            long texted = world.sms.stream().filter(m -> m.text().contains("earned " + e.delta() + " points")).count();
            assertThat(emailed).isLessThanOrEqualTo(1);
            assertThat(texted).isLessThanOrEqualTo(1);
            // Delivered ⇔ SENT, or UNCONFIRMED (the answer was lost after the provider accepted it).
            assertThat(status(world, e, Channel.EMAIL).filter(DELIVERED_OR_MAYBE::contains).isPresent())
                    .isEqualTo(emailed == 1);
            assertThat(status(world, e, Channel.SMS).filter(DELIVERED_OR_MAYBE::contains).isPresent())
                    .isEqualTo(texted == 1);
            if (status(world, e, Channel.EMAIL).orElse(null) == DeliveryStatus.SENT) {
                assertThat(emailed).isEqualTo(1);
            }
            if (status(world, e, Channel.SMS).orElse(null) == DeliveryStatus.SENT) {
                assertThat(texted).isEqualTo(1);
            }
        }
        // Usage counts the SMS confirmed SENT, never an UNCONFIRMED one.
        long parts = 0;
        long messages = 0;
        for (JournalEntry e : entries) {
            if (status(world, e, Channel.SMS).orElse(null) == DeliveryStatus.SENT) {
                messages++;
                parts += world.sms.stream().filter(m -> m.text().contains("earned " + e.delta() + " points"))
                        .mapToLong(m -> SmsCounter.count(m.text()).parts()).sum();
            }
        }
        assertThat(world.deliveries.usage(STORE.id(), YearMonth.of(2021, 12)).parts()).isEqualTo(parts);
        assertThat(world.deliveries.usage(STORE.id(), YearMonth.of(2021, 12)).messages()).isEqualTo(messages);
        assertThat(world.deliveries.list(STORE.id(), YearMonth.of(2021, 12), EnumSet.allOf(DeliveryStatus.class), PageRequest.first(100)).items())
                .allSatisfy(d -> assertThat(d.attempts()).isBetween(1, 3));
    }

    private static final Set<DeliveryStatus> DELIVERED_OR_MAYBE = EnumSet.of(DeliveryStatus.SENT,
            DeliveryStatus.UNCONFIRMED);

    private static Optional<DeliveryStatus> status(NotifyWorld world, JournalEntry e, Channel channel) {
        return world.deliveries.find(DeliveryKey.of(e, STORE.zone(), channel)).map(Delivery::status);
    }

    private static DeliveryResult answer(int code) {
        return switch (code) {
            case 0, 1 -> new DeliveryResult.TransientFailure("throttled");
            case 2 -> new DeliveryResult.PermanentFailure("rejected");
            case 3 -> new DeliveryResult.Unknown("read timed out");
            default -> new DeliveryResult.Sent("scripted");
        };
    }
}
