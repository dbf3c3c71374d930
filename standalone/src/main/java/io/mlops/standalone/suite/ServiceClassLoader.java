package io.mlops.standalone.suite;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class path as one service sees it: every class and every library resource, but of the five service jars
 * only its own. All five jars hold an {@code application.yml}, Flyway migrations in {@code db/migration} and
 * perhaps {@code static/}; through the shared class path each context would read the first jar's settings and
 * every service's migrations. Classes still come from the parent, so the contexts share one copy of each.
 * Spring reads configuration, Flyway migrations and static resources through the context's class loader.
 */
final class ServiceClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<String> hiddenRoots;

    /**
     * @param hiddenRoots URL prefixes of the other services' class path entries, e.g.
     *                    {@code file:/x/model-service/target/classes/} or {@code jar:nested:/x/app.jar/!BOOT-INF/lib/model-service.jar!/}
     */
    ServiceClassLoader(String name, ClassLoader parent, List<String> hiddenRoots) {
        super(name, parent);
        this.hiddenRoots = List.copyOf(hiddenRoots);
    }

    @Override
    public URL getResource(String name) {
        URL first = getParent().getResource(name);
        if (first == null || !hidden(first)) {
            return first;
        }
        try {
            Enumeration<URL> all = getResources(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> visible = new ArrayList<>();
        for (URL url : Collections.list(getParent().getResources(name))) {
            if (!hidden(url)) {
                visible.add(url);
            }
        }
        return Collections.enumeration(visible);
    }

    private boolean hidden(URL url) {
        String s = url.toString();
        for (String root : hiddenRoots) {
            if (s.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** The class path entry a class comes from, as a URL prefix of the resources in it. */
    static String rootOf(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("cannot locate " + resource);
        }
        String s = url.toString();
        return s.substring(0, s.length() - resource.length());
    }
}
