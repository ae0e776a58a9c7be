package io.tribu.beta;

/** A class of a pretend service that uses only the platform, for ArchitectureRulesTest. */
public class Beta {
    public io.tribu.platform.testing.TcpProxy proxy() {
        return null;
    }
}
