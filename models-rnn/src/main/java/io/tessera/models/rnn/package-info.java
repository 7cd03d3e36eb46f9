/** Public configuration and model types of the rnn family. */
package io.tessera.models.rnn;
