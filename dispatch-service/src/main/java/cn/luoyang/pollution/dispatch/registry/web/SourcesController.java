package cn.luoyang.pollution.dispatch.registry.web;

import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.registry.SourceDraft;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pollution-source registry (台账): CRUD and CSV bulk import; answers show a responsible mobile masked only. */
@RestController
@RequestMapping("/dispatch/sources")
class SourcesController {

    private final Registry registry;

    public SourcesController(Registry registry) {
        this.registry = registry;
    }

    public record Imported(int imported, List<String> ids) {
    }

    @GetMapping
    public List<SourceView> list(@RequestParam(required = false) String type, @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return registry.all().stream()
                .filter(s -> type == null || s.type().name().equals(type))
                .filter(s -> district == null || district.equals(s.districtCode()))
                .sorted(Comparator.comparing(PollutionSource::id))
                .skip(Math.max(0, offset)).limit(Math.max(0, Math.min(limit, 1000))).map(SourceView::of).toList();
    }

    @GetMapping("/{id}")
    public SourceView one(@PathVariable String id) {
        return SourceView.of(registry.byId(id).orElseThrow(() -> new NotFound("no source " + id)));
    }

    @PostMapping
    public ResponseEntity<SourceView> register(@RequestBody SourceDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(SourceView.of(registry.register(draft)));
    }

    @PutMapping("/{id}")
    public SourceView update(@PathVariable String id, @RequestBody SourceDraft draft) {
        return SourceView.of(registry.update(id, draft));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** All rows or none; 400 lists every broken row and field. */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<Imported> importCsv(@RequestBody String csv) {
        SourcesCsv.Parsed parsed = SourcesCsv.read(csv);
        List<PollutionSource> sources = registry.importAll(parsed.drafts(), parsed.errors());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Imported(sources.size(), sources.stream().map(PollutionSource::id).toList()));
    }
}
