/** Public configuration and model types of the topic family. */
package io.tessera.models.topic;
