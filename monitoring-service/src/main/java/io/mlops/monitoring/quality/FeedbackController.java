package io.mlops.monitoring.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/feedback}: one {@code {"predictionId": "...", "actual": 3.2}} (or {@code "actual": "rain"}),
 * or an array of them. The body is read as a tree because one endpoint takes both shapes.
 */
@RestController
class FeedbackController {

    private final Feedback feedback;

    FeedbackController(Feedback feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/api/v1/feedback")
    Feedback.Accepted post(@RequestBody JsonNode body) {
        List<Feedback.Item> items = new ArrayList<>();
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                items.add(item(body.get(i), i));
            }
        } else {
            items.add(item(body, 0));
        }
        if (items.isEmpty()) {
            throw new FeedbackInvalid("no feedback items", 0);
        }
        return feedback.accept(items);
    }

    private static Feedback.Item item(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new FeedbackInvalid("feedback item " + index + " is not an object", index);
        }
        JsonNode id = node.get("predictionId");
        JsonNode actual = node.get("actual");
        if (id == null || !id.isString()) {
            throw new FeedbackInvalid("feedback item " + index + " has no predictionId", index);
        }
        if (actual == null || actual.isNull()) {
            throw new FeedbackInvalid("feedback item " + index + " has no actual value", index);
        }
        try {
            return new Feedback.Item(UUID.fromString(id.asString()), actual);
        } catch (IllegalArgumentException e) {
            throw new FeedbackInvalid("feedback item " + index + ": predictionId is not a UUID", index);
        }
    }
}
