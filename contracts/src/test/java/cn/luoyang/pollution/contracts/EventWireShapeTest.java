package cn.luoyang.pollution.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the JSON shape of every event on the wire. A failing snapshot means a consumer somewhere
 * may break: make the change additive (a new optional field) or publish a new version under a new
 * type name. To accept a deliberate additive change, run with {@code -Dsnapshots.update=true} and
 * review the diff of {@code src/test/resources/snapshots/}.
 */
class EventWireShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");

    static Stream<Arguments> events() {
        return Stream.concat(Events.byType().entrySet().stream(), Events.variants().entrySet().stream())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyRegisteredTypeHasAnExampleAndEveryExampleIsRegistered() {
        assertThat(Events.byType().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
        Events.byType().forEach((type, event) -> assertThat(EventTypes.nameOf(event.getClass())).isEqualTo(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void wireShapeMatchesItsSnapshot(String type, Event event) throws IOException {
        // through text, as a consumer sees it (a long and an int of the same value are one JSON number)
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(event));
        Path file = SNAPSHOTS.resolve(type + ".json");
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        try (InputStream in = getClass().getResourceAsStream("/snapshots/" + type + ".json")) {
            assertThat(in).as("snapshot for " + type).isNotNull();
            assertThat(actual).isEqualTo(JSON.readTree(in));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventCarriesItsIdentityAndReadsBackUnchanged(String type, Event event) {
        JsonNode json = JSON.valueToTree(event);
        assertThat(json.has("eventId")).isTrue();
        assertThat(json.has("occurredAt")).isTrue();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.aggregateId()).isNotBlank();
        assertThat(JSON.treeToValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void timesTravelAsIsoInstants() {
        JsonNode json = JSON.valueToTree(Events.byType().get("case.accepted.v1"));
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-28T14:05:00Z");
    }

    @Test
    void aReaderIgnoresFieldsAddedByANewerProducer() {
        JsonMapper tolerant = JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        var withExtra = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(Events.byType().get("case.accepted.v1"));
        withExtra.put("signedOnTime", true);
        assertThat(tolerant.treeToValue(withExtra, cn.luoyang.pollution.contracts.cases.CaseAccepted.class))
                .isEqualTo(Events.byType().get("case.accepted.v1"));
    }
}
