package io.mlops.data.version.web;

import io.mlops.data.version.VersionDeletion;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The only way a version goes away: an explicit admin call, refused (409) for versions a model was trained on. */
@RestController
@RequestMapping("/api/v1/admin/datasets/{name}/versions")
class AdminVersionController {

    private final VersionDeletion deletion;

    AdminVersionController(VersionDeletion deletion) {
        this.deletion = deletion;
    }

    /** Answers the deleted version's metadata. */
    @DeleteMapping("/{version}")
    VersionResponse delete(@PathVariable String name, @PathVariable int version) {
        return VersionResponse.of(deletion.delete(name, version));
    }
}
