package cn.luoyang.pollution.enforcement.console.casepage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every field any action form on the case page may send; each verb reads the ones it needs.
 * {@code evidenceText} holds references typed by hand (record numbers), one per line or comma.
 */
public record ActionForm(String note, String reasonCode, String reason, String deadline, String kind,
        BigDecimal amountYuan, String decisionNumber, String reply, String outcome, Integer days, Boolean approve,
        Boolean resolved, String evidenceText, List<MultipartFile> photos) {

    public List<String> typedEvidence() {
        if (evidenceText == null || evidenceText.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(evidenceText.split("[,，\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
