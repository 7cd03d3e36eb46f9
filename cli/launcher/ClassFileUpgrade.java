import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Step of the launcher build (cli/launcher/build.sh, JDK 24+): rewrites the class files older than Java 6 in the
 * jars of a folder as Java 6 class files with stack map frames, in place. The JVM never puts a class file older
 * than Java 6 into a class-data sharing archive (it has no stack maps and needs the old, slow verifier), so every
 * launch parsed and verified picocli's 228 Java 5 classes and the classes of ours that implement its interfaces
 * again. The methods keep their instructions; only the version and the frames the verifier checks are new. A
 * class that cannot be rewritten stays as it was.
 *
 * <p>Usage: {@code java ClassFileUpgrade.java DIR} (the JDK runs this source file directly).
 */
public final class ClassFileUpgrade {
  private static final int TARGET = ClassFile.JAVA_6_VERSION;

  private ClassFileUpgrade() {
  }

  public static void main(String[] args) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    // Computing frames needs the common superclass of two types: the JDK's and those of all the jars.
    try (URLClassLoader classes = new URLClassLoader(urls, null)) {
      ClassFile files = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(classes)).cached()));
      for (Path jar : jars) {
        upgrade(files, jar);
      }
    }
  }

  private static void upgrade(ClassFile files, Path jar) throws IOException {
    ClassTransform transform = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
        .andThen((builder, element) -> {
          if (element instanceof ClassFileVersion) {
            builder.withVersion(TARGET, 0);
          } else {
            builder.with(element);
          }
        });
    if (!hasOldClasses(jar)) {
      return;
    }
    int upgraded = 0;
    Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
    try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(rewritten);
         ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(entry).readAllBytes();
        if (isClass(entry) && major(bytes) < TARGET) {
          try {
            bytes = files.transformClass(files.parse(bytes), transform);
            upgraded++;
          } catch (RuntimeException e) {
            System.err.println(jar.getFileName() + "!" + entry.getName() + " kept as it was: " + e);
          }
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    if (upgraded > 0) {
      Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
      System.out.println(jar.getFileName() + ": " + upgraded + " class files rewritten for Java 6");
    } else {
      Files.delete(rewritten);
    }
  }

  /** @return whether the jar holds a class file older than {@link #TARGET} (reading 8 bytes of each) */
  private static boolean hasOldClasses(Path jar) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        if (isClass(entry)) {
          try (InputStream head = in.getInputStream(entry)) {
            if (major(head.readNBytes(8)) < TARGET) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** META-INF/versions/ holds newer class files (module-info) only. */
  private static boolean isClass(ZipEntry entry) {
    return entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/");
  }

  /** @return the class file's major version */
  private static int major(byte[] classFile) {
    return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }
}
