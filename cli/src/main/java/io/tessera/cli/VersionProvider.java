package io.tessera.cli;

import io.tessera.api.Tessera;
import picocli.CommandLine.IVersionProvider;

/** {@code tessera --version}: the platform's version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "tessera " + Tessera.version(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + "), "
            + System.getProperty("java.vm.name", "unknown VM") + ", " + System.getProperty("os.name") + " "
            + System.getProperty("os.arch"),
        "runtime: " + System.getProperty("java.home")};
  }
}
