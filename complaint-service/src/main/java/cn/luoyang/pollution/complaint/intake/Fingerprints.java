package cn.luoyang.pollution.complaint.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of what a report says, to tell a genuine retry from a different report that reuses a
 * ticket id or an Idempotency-Key. The sealed phone is left out: sealing is randomised, so the
 * same number seals differently each time; the masked form stands in for it.
 */
final class Fingerprints {

    static String of(ComplaintDraft d) {
        String text = String.join("\u001f", String.valueOf(d.channel()), String.valueOf(d.category()),
                String.valueOf(d.subType()), String.valueOf(d.description()), String.valueOf(d.location()),
                String.valueOf(d.addressText()), String.valueOf(d.observedAt()), String.valueOf(d.happeningNow()),
                String.valueOf(d.media()), String.valueOf(d.reporter() == null ? null : d.reporter().anonymous()),
                String.valueOf(d.reporter() == null ? null : d.reporter().maskedPhone()), String.valueOf(d.rewardRequested()),
                String.valueOf(d.monitor() == null ? null : d.monitor().faultEventId()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Fingerprints() {
    }
}
