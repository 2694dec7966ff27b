package cn.luoyang.pollution.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code phoneKind} was added to {@link SealedContact} in version 1: old and new readers both keep working. */
class PhoneKindCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aContactWrittenBeforePhoneKindExistedReadsWithNoKind() {
        SealedContact read = JSON.readValue("{\"anonymous\":false,\"sealedPhone\":\"AQID\",\"maskedPhone\":\"138****1234\"}",
                SealedContact.class);
        assertThat(read).isEqualTo(new SealedContact(false, "AQID", "138****1234", null));
    }

    @Test
    void aReaderThatKnowsNoPhoneKindIgnoresIt() {
        JsonMapper tolerant = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectNode json = JSON.valueToTree(new SealedContact(false, "AQID", "0379-****1234", "LANDLINE"));
        assertThat(json.get("phoneKind").asText()).isEqualTo("LANDLINE");
        assertThat(tolerant.treeToValue(json, OldSealedContact.class)).isEqualTo(new OldSealedContact(false, "AQID", "0379-****1234"));
    }

    /** The record as it was before {@code phoneKind}. */
    record OldSealedContact(boolean anonymous, String sealedPhone, String maskedPhone) {
    }
}
