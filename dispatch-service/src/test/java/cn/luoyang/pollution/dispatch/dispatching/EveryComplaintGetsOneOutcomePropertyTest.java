package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Category;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.dispatch.support.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, each complaint ends in exactly one of dispatched, merged or queued; redelivery adds no second outcome. */
class EveryComplaintGetsOneOutcomePropertyTest {

    record Input(String category, GeoPoint location, String address, int minutesAfterMorning) {
    }

    @Property(tries = 60)
    void everyComplaintGetsExactlyOneOutcome(@ForAll("batches") List<Input> batch) {
        World world = new World();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Input in = batch.get(i);
            String id = "c" + i;
            ids.add(id);
            ComplaintRegistered event = world.registered(id, in.category(), in.location(), in.address(),
                    World.MORNING.plus(Duration.ofMinutes(in.minutesAfterMorning())));
            world.desk.registered(event);
            if (i % 3 == 0) {
                world.desk.registered(event);
            }
        }
        for (String id : ids) {
            List<String> outcomes = world.events.published.stream().filter(e -> complaintOf(e).equals(id))
                    .map(Event::eventId).distinct().toList();
            assertThat(outcomes).as("distinct outcome events of %s", id).hasSize(1);
            assertThat(world.decisions.byId(id)).isPresent();
        }
    }

    private static String complaintOf(Event e) {
        if (e instanceof CaseDispatched d) {
            return d.complaintId();
        }
        if (e instanceof ComplaintMerged m) {
            return m.complaintId();
        }
        return ((DispatchFailed) e).complaintId();
    }

    @Provide
    Arbitrary<List<Input>> batches() {
        List<String> categories = new ArrayList<>(Catalogue.defaults().categories().stream().map(Category::code).toList());
        categories.add("NOT_A_CATEGORY");
        Arbitrary<String> category = Arbitraries.of(categories);
        Arbitrary<GeoPoint> location = Combinators.combine(Arbitraries.doubles().between(110.8, 113.4).ofScale(6),
                Arbitraries.doubles().between(33.4, 35.2).ofScale(6), Arbitraries.of(GeoPoint.Datum.values()))
                .as(GeoPoint::new).injectNull(0.2);
        // close points too, so that merging happens
        Arbitrary<GeoPoint> clustered = Combinators.combine(Arbitraries.doubles().between(112.36, 112.372).ofScale(6),
                Arbitraries.doubles().between(34.649, 34.651).ofScale(6)).as((lon, lat) -> new GeoPoint(lon, lat, GeoPoint.Datum.GCJ02));
        Arbitrary<String> address = Arbitraries.of("涧西区长安路", "城关镇", "宜阳县柳泉镇", "嵩县城关镇", "某地", "白马寺", "")
                .injectNull(0.3);
        Arbitrary<Input> input = Combinators.combine(category, Arbitraries.oneOf(location, clustered), address,
                Arbitraries.integers().between(0, 60 * 48)).as(Input::new);
        return input.list().ofMinSize(1).ofMaxSize(25);
    }
}
