package cn.luoyang.pollution.complaint.confidentiality.web;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.HpkeSuite;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/reporter-contact-key}: the public keyset hotline systems seal phone numbers with
 * before publishing on {@code complaints.submitted}. Public by nature; the private half exists
 * only at notification-service.
 */
@RestController
class ContactKeyController {

    private final ReporterContacts contacts;
    private final JsonMapper json = JsonMapper.builder().build();

    ContactKeyController(ReporterContacts contacts) {
        this.contacts = contacts;
    }

    @Operation(summary = "The public key for sealing reporters' phone numbers (Tink HPKE keyset)")
    @GetMapping("/api/reporter-contact-key")
    ResponseEntity<Map<String, Object>> key() {
        JsonNode keyset = json.readTree(contacts.publicKeyset());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("format", "tink-json-public-keyset");
        answer.put("algorithm", "HPKE DHKEM_X25519_HKDF_SHA256 / HKDF_SHA256 / AES_256_GCM");
        answer.put("contextInfo", ContactSealer.CONTEXT_INFO);
        answer.put("plaintext", "UTF-8 of the number's normal form: bare 11 digits for a mainland mobile, E.164 for a landline or a"
                + " foreign number (+8637963211234), the text as given when it is no valid number");
        answer.put("sealedPhone", "base64 (standard alphabet) of the Tink hybrid ciphertext");
        answer.put("maskedPhone", "mobile 138****1234, landline 0379-****1234, foreign +44-****0958, unparsed ****1234");
        answer.put("phoneKind", "optional: MOBILE, LANDLINE, FOREIGN or UNPARSED (else the kind the mask shows)");
        answer.put("keyset", keyset);
        // the same key for a hotline written without Tink: RFC 9180 identifiers, raw key, Tink's prefix (hotline-kit/README.md)
        answer.put("hpke", HpkeSuite.of(contacts.publicKeyset()));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(answer);
    }
}
