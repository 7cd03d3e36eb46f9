/** Guice wiring of the platform's own services; opened to Guice, never exported. */
package io.tessera.internal.bootstrap;
