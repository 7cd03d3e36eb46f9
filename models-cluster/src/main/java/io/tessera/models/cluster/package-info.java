/** Public configuration and model types of the cluster family. */
package io.tessera.models.cluster;
