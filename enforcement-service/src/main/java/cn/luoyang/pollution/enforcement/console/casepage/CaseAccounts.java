package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reporters' accounts (举报内容) of a case for its page: one entry per complaint of the case (its
 * first and every merged one), those that have arrived oldest first, then those not yet synchronised
 * (the account travels on {@code complaints.registered}, the case on {@code cases.dispatched}, so
 * either may come first). Uploaded photos and videos link to complaint-service's public
 * {@code /api/media/{id}}: the console's Content-Security-Policy allows images from itself only, so
 * they are links that open in a new tab, not thumbnails.
 */
@Component
class CaseAccounts {

    private static final Pattern GRIDFS_ID = Pattern.compile("gridfs:([A-Za-z0-9_-]{22})");

    private final ReporterAccounts accounts;
    private final String mediaBaseUrl;

    CaseAccounts(ReporterAccounts accounts,
            @Value("${console.complaint-media-base-url:http://127.0.0.1:8081}") String mediaBaseUrl) {
        this.accounts = accounts;
        this.mediaBaseUrl = mediaBaseUrl.endsWith("/") ? mediaBaseUrl.substring(0, mediaBaseUrl.length() - 1) : mediaBaseUrl;
    }

    List<Entry> of(Case c) {
        List<String> ids = c.complaintIds();
        String first = ids.isEmpty() ? null : ids.get(0);
        Map<String, ReporterAccount> arrived = accounts.of(ids).stream()
                .collect(Collectors.toMap(ReporterAccount::complaintId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<Entry> entries = new ArrayList<>();
        arrived.values().forEach(a -> entries.add(new Entry(a.complaintId(), a.complaintId().equals(first), a, links(a))));
        ids.stream().filter(id -> !arrived.containsKey(id)).forEach(id -> entries.add(new Entry(id, id.equals(first), null, List.of())));
        return entries;
    }

    private List<MediaLink> links(ReporterAccount a) {
        List<MediaLink> links = new ArrayList<>();
        for (ReporterAccount.Media m : a.media()) {
            links.add(new MediaLink(href(m.url()), m.video(), links.size() + 1));
        }
        return links;
    }

    /** complaint-service's address of an upload, an http(s) URL as given, or null when there is none to follow. */
    String href(String url) {
        if (url == null) {
            return null;
        }
        var upload = GRIDFS_ID.matcher(url);
        if (upload.matches()) {
            return mediaBaseUrl + "/api/media/" + upload.group(1);
        }
        return url.startsWith("https://") || url.startsWith("http://") ? url : null;
    }

    /** One complaint's account, or {@code account == null} while it has not arrived. */
    record Entry(String complaintId, boolean first, ReporterAccount account, List<MediaLink> media) {

        public boolean pending() {
            return account == null;
        }
    }

    /** A photo or video; {@code href} null when it cannot be opened from here. */
    record MediaLink(String href, boolean video, int number) {
    }
}
