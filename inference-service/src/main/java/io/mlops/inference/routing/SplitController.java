package io.mlops.inference.routing;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT|GET|DELETE /api/v1/splits/{model}/{alias}}: this instance's traffic split of an alias. */
@RestController
@RequestMapping("/api/v1/splits/{model}/{alias}")
class SplitController {

    /** The body as sent; validated by {@link TrafficSplit}'s constructor here, so errors are 422 naming the field. */
    record SplitRequest(java.util.List<TrafficSplit.Route> routes, TrafficSplit.Shadow shadow) {
    }

    private final TrafficSplits splits;

    SplitController(TrafficSplits splits) {
        this.splits = splits;
    }

    @PutMapping
    TrafficSplit put(@PathVariable String model, @PathVariable String alias, @RequestBody SplitRequest body) {
        TrafficSplit split = new TrafficSplit(body.routes(), body.shadow());
        splits.put(model, alias, split);
        return split;
    }

    @GetMapping
    TrafficSplit get(@PathVariable String model, @PathVariable String alias) {
        return splits.get(model, alias);
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String model, @PathVariable String alias) {
        splits.remove(model, alias);
        return ResponseEntity.noContent().build();
    }
}
