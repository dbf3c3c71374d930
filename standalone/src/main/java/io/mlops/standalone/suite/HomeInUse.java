package io.mlops.standalone.suite;

import java.nio.file.Path;

/** Another standalone suite holds the lock on the same home folder; two would corrupt each other's data. */
public class HomeInUse extends RuntimeException {

    HomeInUse(Path home) {
        super("another standalone suite is running on " + home.toAbsolutePath() + " (stop it with ./mlops down)");
    }
}
