/** File helpers shared by every stage: atomic writes (temp file + rename) so nothing is left half-written. */
package org.nmt4j.io;
