package io.tessera.api;

/**
 * The version of Tessera's plugin API. A plugin declares the version it was built against; it is accepted
 * when the major versions are equal and the plugin's minor version is not newer than the platform's
 * (interfaces grow by default methods within a major version).
 *
 * <p>Plugins declare the version they were compiled against with
 * {@code new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR)}, whose constants javac copies into the plugin's
 * class file, so the value records the API jar the plugin was built with, not the one it runs on.
 *
 * @param major incremented on incompatible changes
 * @param minor incremented when methods are added
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  /** The major API version of this platform build; a compile-time constant, so plugins inline it. */
  public static final int MAJOR = 1;
  /** The minor API version of this platform build; a compile-time constant, so plugins inline it. */
  public static final int MINOR = 0;
  /** The API version of the running platform. */
  public static final ApiVersion CURRENT = new ApiVersion(MAJOR, MINOR);

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("API version parts must be non-negative: " + major + "." + minor);
    }
  }

  /** @return whether a plugin built against {@code pluginVersion} can run on this version */
  public boolean accepts(ApiVersion pluginVersion) {
    return pluginVersion.major == major && pluginVersion.minor <= minor;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
