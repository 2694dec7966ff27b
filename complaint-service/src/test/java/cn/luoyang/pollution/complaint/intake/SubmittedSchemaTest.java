package cn.luoyang.pollution.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The published JSON Schema of complaints.submitted accepts what the hotline should send and refuses what intake refuses. */
class SubmittedSchemaTest {

    private static final String[] SEALED = Seal.phone(ContactKeys.generate().publicKeyset(), "13812345678");
    private final Schema schema = load();

    @Test
    void aNamedAndAnAnonymousRecordConform() {
        assertThat(schema.validate(Reports.submitted("hotline-12369", "T-1", SEALED[0], SEALED[1]), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(Reports.submitted("hotline-12345", "T-2", null, null), InputFormat.JSON)).isEmpty();
    }

    @Test
    void aLandlineTheHotlineSealedConformsWithOrWithoutItsKind() {
        String landline = Reports.submitted("hotline-12345", "T-5", SEALED[0], "0379-****1234");
        assertThat(schema.validate(landline, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(landline.replace("\"maskedPhone\":", "\"phoneKind\":\"LANDLINE\",\"maskedPhone\":"),
                InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(landline.replace("\"maskedPhone\":", "\"phoneKind\":\"PAGER\",\"maskedPhone\":"),
                InputFormat.JSON)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain number as masked phone|MASKED|13812345678",
        "operator key|\"eventId\"|\"$where\":1,\"eventId\"",
        "dotted key|\"eventId\"|\"a.b\":1,\"eventId\"",
        "unknown channel|HOTLINE_12369|PIGEON",
        "lower-case category|WATER_SEWAGE_OUTLET|water",
        "schema version 2|\"schemaVersion\":1|\"schemaVersion\":2",
        "anonymous with a sealed phone|\"anonymous\":false|\"anonymous\":true",
        "latitude out of range|\"latitude\":34.6197|\"latitude\":95",
        "unknown datum|GCJ02|BD09",
        "the JSON API's source|\"sourceSystem\":\"hotline-12369\"|\"sourceSystem\":\"web\"",
        "an Open311 client's source|\"sourceSystem\":\"hotline-12369\"|\"sourceSystem\":\"open311:demo\"",
        "a source with a colon|\"sourceSystem\":\"hotline-12369\"|\"sourceSystem\":\"web:hotline-12369\""})
    void aRecordIntakeRefusesDoesNotConform(String name, String from, String to) {
        String good = Reports.submitted("hotline-12369", "T-3", SEALED[0], SEALED[1]);
        String bad = good.replace(from.equals("MASKED") ? SEALED[1] : from, to);

        assertThat(bad).isNotEqualTo(good);
        assertThat(schema.validate(bad, InputFormat.JSON)).isNotEmpty();
    }

    /** The place may be only in the operator's prose: dispatch reads it there (issue 14). */
    @Test
    void aRecordWithNeitherCoordinatesNorAddressConformsItsPlaceIsInTheDescription() {
        String prose = Reports.submitted("hotline-12369", "T-4", null, null)
                .replace("\"location\":{\"longitude\":112.4540,\"latitude\":34.6197,\"datum\":\"GCJ02\"},\"addressText\":\"洛阳市洛龙区洛河南岸\",", "");

        assertThat(prose).doesNotContain("location").doesNotContain("addressText");
        assertThat(schema.validate(prose, InputFormat.JSON)).isEmpty();
    }

    private static Schema load() {
        try (InputStream in = SubmittedSchemaTest.class.getClassLoader().getResourceAsStream("schemas/complaint-submitted.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
