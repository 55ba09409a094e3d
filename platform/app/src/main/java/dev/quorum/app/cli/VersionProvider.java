package dev.quorum.app.cli;

import dev.quorum.api.QuorumApi;
import picocli.CommandLine.IVersionProvider;

/** Prints the product and API versions. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String product = QuorumCli.class.getPackage().getImplementationVersion();
        return new String[] {"Quorum " + (product == null ? "(development build)" : product) + ", plugin API " + QuorumApi.version()};
    }
}
