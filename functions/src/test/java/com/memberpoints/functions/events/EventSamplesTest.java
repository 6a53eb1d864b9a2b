package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberpoints.domain.order.OrderEvent;
import com.memberpoints.domain.model.InvalidInputException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every order-event and scheduled-assignment sample in events/ (OrderEventsFunction*.json,
 * ScheduledAssignmentFunction.json) is valid against its JSON Schema (draft 2020-12) in docs/events/, and parses. */
class EventSamplesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("OrderEventsFunction")
                    || p.getFileName().toString().startsWith("ScheduledAssignmentFunction")).sorted().toList().stream();
        }
    }

    static Schema schemaFor(JsonNode sample) throws IOException {
        String name = sample.has("detail-type") ? sample.get("detail-type").asText() : "ScheduledAssignment";
        Path schema = ROOT.resolve("docs/events/" + name + ".schema.json");
        assertThat(schema).as("schema of " + name).exists();
        return REGISTRY.getSchema(Files.newInputStream(schema));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleIsValidAgainstItsSchemaAndIsAcceptedByTheHandlersParser(Path sample) throws IOException {
        String text = Files.readString(sample);
        JsonNode node = MAPPER.readTree(text);
        List<Error> errors = schemaFor(node).validate(node);
        assertThat(errors).as(sample.getFileName().toString()).isEmpty();
        if (node.has("detail-type")) {
            assertThat(OrderEventParser.parse(text).detailType()).isEqualTo(node.get("detail-type").asText());
        } else {
            assertThat(com.memberpoints.infra.scheduler.AssignmentPayloadCodec.decode(text).order().value()).isEqualTo(node.get("orderId").asText());
        }
    }

    @Test
    void everyEventTypeHasASampleAndASchema() throws IOException {
        List<String> types = samples().map(p -> {
            try {
                JsonNode n = MAPPER.readTree(Files.readString(p));
                return n.has("detail-type") ? n.get("detail-type").asText() : "ScheduledAssignment";
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).distinct().toList();
        assertThat(types).containsExactlyInAnyOrder("MemberUpserted", "OrderCancelled", "OrderCompleted",
                "OrderDeliveryStatusChanged", "OrderEdited", "OrderPaid", "OrderPlaced", "OrderReturned", "OrderSplit",
                "ScheduledAssignment");
    }

    @Test
    void anEditWithoutARevisionIsValidAndParsesAsUnrevised_aRevisionBelowOneIsRefusedByBoth() throws IOException {
        String text = Files.readString(ROOT.resolve("events/OrderEventsFunction-order-edited.json"));
        ObjectNode node = (ObjectNode) MAPPER.readTree(text);
        OrderEvent.OrderEdited revised = (OrderEvent.OrderEdited) ((OrderEventParser.OrderEventParsed)
                OrderEventParser.parse(text)).event();
        assertThat(revised.revision()).isEqualTo(java.util.OptionalLong.of(node.get("detail").get("revision").asLong()));

        ((ObjectNode) node.get("detail")).remove("revision");
        assertThat(schemaFor(node).validate(node)).isEmpty();
        OrderEvent.OrderEdited unrevised = (OrderEvent.OrderEdited) ((OrderEventParser.OrderEventParsed)
                OrderEventParser.parse(MAPPER.writeValueAsString(node))).event();
        assertThat(unrevised.revision()).isEmpty();

        ((ObjectNode) node.get("detail")).put("revision", 0);
        assertThat(schemaFor(node).validate(node)).isNotEmpty();
        assertThatThrownBy(() -> OrderEventParser.parse(MAPPER.writeValueAsString(node)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(fe -> assertThat(fe.field()).isEqualTo("detail.revision")));
    }

    @Test
    void aReturnNeedsAnAmountItemsOrFull_bothTheSchemaAndTheParserSaySo_itemsAloneAddUp() throws IOException {
        String text = Files.readString(ROOT.resolve("events/OrderEventsFunction-order-returned.json"));
        ObjectNode node = (ObjectNode) MAPPER.readTree(text);
        ObjectNode detail = (ObjectNode) node.get("detail");
        detail.remove("returnedAmount");
        assertThat(schemaFor(node).validate(node)).isEmpty();
        OrderEvent.OrderReturned fromItems = (OrderEvent.OrderReturned) ((OrderEventParser.OrderEventParsed)
                OrderEventParser.parse(MAPPER.writeValueAsString(node))).event();
        assertThat(fromItems.amount().amount()).isEqualByComparingTo("250.00");

        detail.remove("items");
        assertThat(schemaFor(node).validate(node)).isNotEmpty();
        assertThatThrownBy(() -> OrderEventParser.parse(MAPPER.writeValueAsString(node)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(fe -> assertThat(fe.field()).isEqualTo("detail.returnedAmount")));

        detail.put("full", true);
        assertThat(schemaFor(node).validate(node)).isEmpty();
        OrderEvent.OrderReturned full = (OrderEvent.OrderReturned) ((OrderEventParser.OrderEventParsed)
                OrderEventParser.parse(MAPPER.writeValueAsString(node))).event();
        assertThat(full.full()).isTrue();
        assertThat(full.amount().isPositive()).isFalse();
    }

    @Test
    void aSampleMissingARequiredFieldFailsBothTheSchemaAndTheParserNamingTheField() throws IOException {
        String text = Files.readString(ROOT.resolve("events/OrderEventsFunction.json"));
        ObjectNode node = (ObjectNode) MAPPER.readTree(text);
        ((ObjectNode) node.get("detail").get("amounts")).remove("itemSubtotal");
        assertThat(schemaFor(node).validate(node)).isNotEmpty();
        assertThatThrownBy(() -> OrderEventParser.parse(MAPPER.writeValueAsString(node)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(fe -> assertThat(fe.field()).isEqualTo("detail.amounts.itemSubtotal")));
    }

    @Test
    void anUnknownFieldFailsBothTheSchemaAndTheParser() throws IOException {
        String text = Files.readString(ROOT.resolve("events/OrderEventsFunction-order-paid.json"));
        ObjectNode node = (ObjectNode) MAPPER.readTree(text);
        ((ObjectNode) node.get("detail")).put("paidAtt", "2021-11-29T02:05:00Z");
        assertThat(schemaFor(node).validate(node)).isNotEmpty();
        assertThatThrownBy(() -> OrderEventParser.parse(MAPPER.writeValueAsString(node)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(fe -> assertThat(fe.field()).isEqualTo("detail.paidAtt")));
    }
}
