package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The reporters' accounts (举报内容) as the console shows them (template fragment
 * {@code console/accounts :: list}): for a case page or an arbitration, one entry per complaint of the case
 * (its first and every merged one), those that have arrived oldest first, then those not yet synchronised
 * (the account travels on {@code complaints.registered}, the case on {@code cases.dispatched}, so either
 * may come first); for a complaint in the campaign office's manual queue (no case yet), its own account.
 * Uploaded photos and videos are shown through the console itself ({@link ReporterMedia}:
 * {@code /console/cases/{caseId}/media/{uploadId}}, or {@code /console/office/complaints/{complaintId}/media/{uploadId}}
 * for a queued complaint), so photos appear as thumbnails under the console's Content-Security-Policy; a
 * photo given as an outside http(s) URL stays a link that opens in a new tab.
 */
@Component
public class CaseAccounts {

    private static final Pattern GRIDFS_ID = Pattern.compile("gridfs:([A-Za-z0-9_-]{22})");

    private final ReporterAccounts accounts;

    CaseAccounts(ReporterAccounts accounts) {
        this.accounts = accounts;
    }

    /** The accounts of a case's complaints, photos through the case's media address. */
    public List<Entry> of(Case c) {
        return entries(c.complaintIds(), "/console/cases/" + c.id() + "/media/");
    }

    /** A complaint without a case (the manual dispatch queue), photos through the campaign office's media address. */
    public List<Entry> ofComplaint(String complaintId) {
        return entries(List.of(complaintId), "/console/office/complaints/" + complaintId + "/media/");
    }

    private List<Entry> entries(List<String> ids, String mediaBase) {
        String first = ids.isEmpty() ? null : ids.get(0);
        Map<String, ReporterAccount> arrived = accounts.of(ids).stream()
                .collect(Collectors.toMap(ReporterAccount::complaintId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<Entry> entries = new ArrayList<>();
        arrived.values().forEach(a -> entries.add(new Entry(a.complaintId(), a.complaintId().equals(first), a, links(mediaBase, a))));
        ids.stream().filter(id -> !arrived.containsKey(id)).forEach(id -> entries.add(new Entry(id, id.equals(first), null, List.of())));
        return entries;
    }

    /** The upload ids of complaint-service ({@code gridfs:<id>}) among these complaints' accounts: the only ones shown. */
    Set<String> uploadsOf(List<String> complaintIds) {
        Set<String> ids = new HashSet<>();
        for (ReporterAccount a : accounts.of(complaintIds)) {
            for (ReporterAccount.Media m : a.media()) {
                var upload = m.url() == null ? null : GRIDFS_ID.matcher(m.url());
                if (upload != null && upload.matches()) {
                    ids.add(upload.group(1));
                }
            }
        }
        return ids;
    }

    private static List<MediaLink> links(String mediaBase, ReporterAccount a) {
        List<MediaLink> links = new ArrayList<>();
        for (ReporterAccount.Media m : a.media()) {
            var upload = m.url() == null ? null : GRIDFS_ID.matcher(m.url());
            int number = links.size() + 1;
            if (upload != null && upload.matches()) {
                links.add(new MediaLink(mediaBase + upload.group(1), m.video(), number, true));
            } else if (m.url() != null && (m.url().startsWith("https://") || m.url().startsWith("http://"))) {
                links.add(new MediaLink(m.url(), m.video(), number, false));
            } else {
                links.add(new MediaLink(null, m.video(), number, false));
            }
        }
        return links;
    }

    /** One complaint's account, or {@code account == null} while it has not arrived. */
    public record Entry(String complaintId, boolean first, ReporterAccount account, List<MediaLink> media) {

        public boolean pending() {
            return account == null;
        }
    }

    /**
     * A photo or video; {@code href} null when it cannot be opened from here; {@code ownCopy} when the
     * console serves it itself (a photo then shows as a thumbnail).
     */
    public record MediaLink(String href, boolean video, int number, boolean ownCopy) {

        public boolean thumbnail() {
            return ownCopy && !video;
        }
    }
}
