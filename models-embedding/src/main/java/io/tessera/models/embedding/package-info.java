/** Public configuration and model types of the embedding family. */
package io.tessera.models.embedding;
