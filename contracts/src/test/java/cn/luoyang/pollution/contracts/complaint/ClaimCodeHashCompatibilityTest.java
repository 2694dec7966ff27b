package cn.luoyang.pollution.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code claimCodeHash} was added to {@link ComplaintRegistered} in version 1: old and new readers both keep working. */
class ClaimCodeHashCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-28T14:05:00Z");

    private static ComplaintRegistered anonymousReward(String hash) {
        return new ComplaintRegistered("e-1", "c-1", "LY20261128-000044", "web", "k-1", Channel.WEB, "AIR_MUCK_TRUCK", null,
                "渣土车未覆盖", null, "洛阳市涧西区", AT, true, List.of(), SealedContact.anonymousReporter(), true, null, hash, AT, 1);
    }

    @Test
    void anEventWrittenBeforeTheFieldExistedReadsWithNoHash() {
        ObjectNode json = JSON.valueToTree(anonymousReward("pbkdf2-sha256$100000$AA$AA"));
        json.remove("claimCodeHash");
        assertThat(JSON.treeToValue(json, ComplaintRegistered.class)).isEqualTo(anonymousReward(null));
    }

    @Test
    void aReaderThatKnowsNoHashIgnoresIt() {
        JsonMapper tolerant = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectNode json = JSON.valueToTree(anonymousReward("pbkdf2-sha256$100000$AA$AA"));
        assertThat(tolerant.treeToValue(json, OldRegistered.class))
                .isEqualTo(new OldRegistered("e-1", "c-1", "LY20261128-000044", true));
    }

    /** A reader of the version before {@code claimCodeHash}, reading only what it needs. */
    record OldRegistered(String eventId, String complaintId, String trackingNumber, boolean rewardRequested) {
    }
}
