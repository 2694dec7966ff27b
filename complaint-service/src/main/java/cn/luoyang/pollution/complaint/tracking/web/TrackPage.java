package cn.luoyang.pollution.complaint.tracking.web;

import cn.luoyang.pollution.complaint.tracking.PublicLookup;
import cn.luoyang.pollution.complaint.tracking.PublicRatings;
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
    private final PublicRatings ratings;
    private final Catalogue catalogue;

    TrackPage(PublicLookup lookup, PublicRatings ratings, Catalogue catalogue) {
        this.lookup = lookup;
        this.ratings = ratings;
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
            show(lookup.find(trackingNumber, phoneLast4), phoneLast4, model);
        }
        return "track";
    }

    /**
     * 满意度评价: the reporter rates a closed complaint on the page, proving again that they hold the
     * tracking number (and the digits); the page then shows the status with the outcome.
     */
    @PostMapping(path = "/track/rating", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String rate(@RequestParam(name = "trackingNumber", required = false) String typed,
                @RequestParam(required = false) String phoneLast4, @RequestParam(required = false) String rating, Model model) {
        String trackingNumber = TrackingNumbers.normalised(typed);
        model.addAttribute("trackingNumber", trackingNumber == null ? "" : trackingNumber);
        PublicRatings.Outcome outcome = ratings.rate(trackingNumber, phoneLast4, rating);
        model.addAttribute("ratingOutcome", outcome.name());
        switch (outcome) {
            case NOT_FOUND -> model.addAttribute("notFound", true);
            case LOCKED -> model.addAttribute("locked", true);
            // the holder was checked: this lookup finds the complaint without counting a failure
            default -> show(lookup.find(trackingNumber, phoneLast4), phoneLast4, model);
        }
        return "track";
    }

    private void show(PublicLookup.Answer answer, String phoneLast4, Model model) {
        if (answer instanceof PublicLookup.Found found) {
            model.addAttribute("view", StatusView.of(found.tracked(), catalogue));
            model.addAttribute("phoneLast4", phoneLast4 == null ? "" : phoneLast4.trim());
            model.addAttribute("rated", ratings.rated(found.tracked()));
        } else {
            model.addAttribute(answer instanceof PublicLookup.Locked ? "locked" : "notFound", true);
        }
    }
}
