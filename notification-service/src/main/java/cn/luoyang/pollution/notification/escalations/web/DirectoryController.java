package cn.luoyang.pollution.notification.escalations.web;

import cn.luoyang.pollution.kit.problems.Problems;
import cn.luoyang.pollution.kit.security.Caller;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.DirectoryEntries;
import cn.luoyang.pollution.notification.escalations.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escalation directory (责任人名录) for the campaign office and administrators: list it (numbers
 * masked), add or replace one entry, import the city's CSV ({@code text/csv}, all lines or none),
 * remove an entry. The author of a change is the signed-in caller.
 */
@RestController
@RequestMapping("/api/escalations/directory")
class DirectoryController {

    private final Directory directory;
    private final DirectoryEntries entries;

    DirectoryController(Directory directory, DirectoryEntries entries) {
        this.directory = directory;
        this.entries = entries;
    }

    /** An entry as answered: never the number, only its mask. */
    record EntryView(String id, String unit, String role, String name, String mobile, String updatedBy, Instant updatedAt) {
        static EntryView of(Person p) {
            return new EntryView(p.id(), p.unit(), p.role().name(), p.name(), p.maskedMobile(), p.updatedBy(), p.updatedAt());
        }
    }

    @GetMapping
    List<EntryView> list() {
        return directory.all().stream().map(EntryView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<EntryView> put(@RequestBody DirectoryEntries.Entry entry, Caller caller) {
        return ResponseEntity.ok(EntryView.of(entries.put(entry, caller.name())));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    Map<String, Object> importCsv(@RequestBody String csv, Caller caller) {
        List<Person> imported = entries.importCsv(csv, caller.name());
        return Map.of("imported", imported.size(), "entries", imported.stream().map(EntryView::of).toList());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        return directory.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(DirectoryEntries.InvalidEntry.class)
    ResponseEntity<ProblemDetail> invalid(DirectoryEntries.InvalidEntry e) {
        return Problems.invalid("invalid-directory-entry", e.errors());
    }
}
