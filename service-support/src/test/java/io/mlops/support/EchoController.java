package io.mlops.support;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Reads a body the two ways services do (text and JSON), for the body-limit test. */
@RestController
class EchoController {

    @PostMapping("/test/echo-text")
    int text(@RequestBody String body) {
        return body.length();
    }

    @PostMapping("/test/echo-json")
    int json(@RequestBody JsonNode body) {
        return body.size();
    }
}
