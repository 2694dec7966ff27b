package cn.luoyang.pollution.complaint.tracking.web;

import cn.luoyang.pollution.complaint.tracking.PublicLookup;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page {@code /track} (进度查询): server-rendered, no script, no CDN. The site root leads
 * here, and a tracking number is read in any case and with spaces.
 */
@Controller
class TrackPage {

    private final PublicLookup lookup;
    private final Catalogue catalogue;

    TrackPage(PublicLookup lookup, Catalogue catalogue) {
        this.lookup = lookup;
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/track";
    }

    /** The form; a link may fill in the tracking number ({@code /track?trackingNumber=…}), never the digits. */
    @GetMapping("/track")
    String form(@RequestParam(name = "trackingNumber", required = false) String typed, Model model) {
        String trackingNumber = TrackingNumbers.normalised(typed);
        model.addAttribute("trackingNumber", trackingNumber == null ? "" : trackingNumber);
        return "track";
    }

    /** The lookup: the form is posted, so the phone digits stay out of the address and its logs. */
    @PostMapping(path = "/track", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String track(@RequestParam(name = "trackingNumber", required = false) String typed,
                 @RequestParam(required = false) String phoneLast4, Model model) {
        String trackingNumber = TrackingNumbers.normalised(typed);
        model.addAttribute("trackingNumber", trackingNumber == null ? "" : trackingNumber);
        if (trackingNumber != null && !trackingNumber.isBlank()) {
            PublicLookup.Answer answer = lookup.find(trackingNumber, phoneLast4);
            if (answer instanceof PublicLookup.Found found) {
                model.addAttribute("view", StatusView.of(found.tracked(), catalogue));
            } else {
                model.addAttribute(answer instanceof PublicLookup.Locked ? "locked" : "notFound", true);
            }
        }
        return "track";
    }
}
