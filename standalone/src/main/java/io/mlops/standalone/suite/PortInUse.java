package io.mlops.standalone.suite;

/** A service's HTTP port is taken by another process, so the suite does not start at all. */
public class PortInUse extends RuntimeException {

    PortInUse(Service service, int port) {
        super("port " + port + " (" + service.serviceName() + ") is already in use; stop what holds it or set mlops.standalone.ports."
                + service.name().toLowerCase() + " (env MLOPS_STANDALONE_PORTS_" + service.name() + ")");
    }
}
