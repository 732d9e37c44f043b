package dev.invitriage.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} never opens the store. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"invitriage " + (v == null ? "(development build)" : v)};
  }
}
