package io.mlops.standalone.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceClassLoaderTest {

    @TempDir
    Path dir;

    @Test
    void seesItsOwnAndSharedResourcesButNotTheOtherServicesOnes() throws Exception {
        Path data = write("data", "application.yml", "name: data");
        Path model = write("model", "application.yml", "name: model");
        write("model", "db/migration/V1__model.sql", "select 1");
        Path shared = write("shared", "db/migration/readme.txt", "shared");
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {
                data.toUri().toURL(), model.toUri().toURL(), shared.toUri().toURL()}, null)) {
            var forModel = new ServiceClassLoader("model", classPath, List.of(data.toUri().toURL().toString()));

            // the shared class path answers with the first jar's file; the model's view skips it
            assertThat(read(classPath.getResource("application.yml"))).isEqualTo("name: data");
            assertThat(read(forModel.getResource("application.yml"))).isEqualTo("name: model");
            assertThat(Collections.list(forModel.getResources("application.yml"))).hasSize(1);
            assertThat(Collections.list(forModel.getResources("db/migration"))).hasSize(2);

            var forData = new ServiceClassLoader("data", classPath, List.of(model.toUri().toURL().toString()));
            assertThat(read(forData.getResource("application.yml"))).isEqualTo("name: data");
            assertThat(forData.getResource("db/migration/V1__model.sql")).isNull();
            assertThat(Collections.list(forData.getResources("db/migration"))).hasSize(1);
        }
    }

    @Test
    void rootOfAClassIsThePrefixOfItsResources() {
        String root = ServiceClassLoader.rootOf(ServiceClassLoaderTest.class);
        assertThat(ServiceClassLoaderTest.class.getClassLoader().getResource("io/mlops/standalone/suite/ServiceClassLoaderTest.class"))
                .hasToString(root + "io/mlops/standalone/suite/ServiceClassLoaderTest.class");
    }

    private Path write(String root, String name, String content) throws Exception {
        Path file = dir.resolve(root).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return dir.resolve(root);
    }

    private static String read(URL url) throws Exception {
        try (var in = url.openStream()) {
            return new String(in.readAllBytes());
        }
    }
}
