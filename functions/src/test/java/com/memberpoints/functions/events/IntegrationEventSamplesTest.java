package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.ChunkTally;
import com.memberpoints.domain.integration.ExpiryReminderSent;
import com.memberpoints.domain.integration.IntegrationEvent;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.domain.integration.MemberContact;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integration events' contract: every event type has a JSON Schema in docs/events/ and a sample in
 * events/integration/; the samples are valid; and what the domain really renders — every ledger kind that makes an
 * event, on both wallets, with and without the personal-data opt-in, a bulk job, a reminder — is valid too.
 */
class IntegrationEventSamplesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events/integration"))) {
            return files.sorted().toList().stream();
        }
    }

    static Schema schema(String detailType) throws IOException {
        Path schema = ROOT.resolve("docs/events/" + detailType + ".schema.json");
        assertThat(schema).as("schema of " + detailType).exists();
        return REGISTRY.getSchema(Files.newInputStream(schema));
    }

    static Set<String> eventTypes() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : IntegrationEvent.class.getPermittedSubclasses()) {
            collect(c, names);
        }
        return names;
    }

    private static void collect(Class<?> c, Set<String> names) {
        if (c.isRecord()) {
            names.add(c.getSimpleName());
        } else if (c.isSealed()) {
            Arrays.stream(c.getPermittedSubclasses()).forEach(s -> collect(s, names));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleIsValidAgainstItsSchema(Path sample) throws IOException {
        JsonNode node = MAPPER.readTree(Files.readString(sample));
        String type = node.path("detail-type").asText();
        assertThat(sample.getFileName().toString()).isEqualTo(type + ".json");
        List<Error> errors = schema(type).validate(node);
        assertThat(errors).as(sample.getFileName().toString()).isEmpty();
    }

    @Test
    void everyEventTypeHasASchemaAndASample() throws IOException {
        Set<String> types = eventTypes();
        assertThat(types).hasSize(10).contains("PointsEarned", "StoreCreditsExpired", "PointsAboutToExpire", "BulkJobCompleted");
        Set<String> sampled = new TreeSet<>();
        samples().forEach(p -> sampled.add(p.getFileName().toString().replace(".json", "")));
        assertThat(sampled).isEqualTo(types);
        for (String t : types) {
            assertThat(ROOT.resolve("docs/events/" + t + ".schema.json")).exists();
        }
    }

    @Test
    void everyEventTheDomainRendersIsValidAgainstItsSchema() throws IOException {
        List<IntegrationEvent> events = new ArrayList<>();
        MerchantId shop = MerchantId.of("shop-1");
        Optional<MemberContact> contact = Optional.of(new MemberContact(Optional.of("Amy \"A\" Lin"),
                Optional.of("amy@example.com"), Optional.empty(), Optional.of("zh-TW")));
        for (Currency currency : List.of(Currency.getInstance("TWD"), Currency.getInstance("JPY"), Currency.getInstance("KWD"))) {
            for (Wallet w : Wallet.values()) {
                for (EntryKind k : EntryKind.values()) {
                    for (Optional<MemberContact> c : List.of(Optional.<MemberContact>empty(), contact)) {
                        long delta = k.sign() * 1234L;
                        JournalEntry e = new JournalEntry(new OperationId("N#" + w + "#" + k + "#r1"),
                                new WalletRef(shop, MemberId.of("amy"), w), k, delta,
                                List.of(new LotChange(Optional.of(Instant.parse("2022-12-31T15:59:59Z")), delta)),
                                "staff reason", k == EntryKind.ADJUST_ADD ? Actor.staff("bob") : Actor.SYSTEM,
                                Optional.of(OrderId.of("o-1")), Instant.parse("2021-12-04T01:00:00Z"), 5000 + delta, 3, "d");
                        IntegrationEvents.eventOf(new IntegrationFact.Journal(e), m -> currency, c).ifPresent(events::add);
                    }
                }
            }
        }
        BulkJob job = BulkJob.created(shop, "bulk-1", 100, "promo", NotifyChoice.NONE, Actor.staff("bob"),
                Instant.parse("2021-12-04T00:00:00Z"), Optional.empty(), 2).plus(new ChunkTally(2, 0, 0, 0, 0));
        events.add(new IntegrationEvent.BulkJobCompleted(new IntegrationFact.BulkCompleted(job, Instant.parse("2021-12-04T00:01:00Z"))));
        events.add(new IntegrationEvent.PointsAboutToExpire(new ExpiryReminderSent(shop, MemberId.of("amy"), Wallet.POINTS, 300,
                Instant.parse("2022-12-31T15:59:59Z"), Instant.parse("2022-12-01T00:00:00Z")), contact));

        Set<String> covered = new TreeSet<>();
        for (IntegrationEvent event : events) {
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.put("version", "0").put("id", "x").put("detail-type", event.detailType()).put("source", "member-points")
                    .put("time", event.occurredAt().toString());
            envelope.set("detail", MAPPER.readTree(event.detailJson()));
            List<Error> errors = schema(event.detailType()).validate(envelope);
            assertThat(errors).as(event.detailType() + " " + event.detailJson()).isEmpty();
            covered.add(event.detailType());
        }
        assertThat(covered).isEqualTo(eventTypes());
    }
}
