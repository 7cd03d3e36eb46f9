package io.tessera.text;

import java.util.Arrays;

/**
 * A string-to-dense-id table with open addressing (linear probing): no boxed integers and no entry objects, so
 * counting millions of tokens allocates nothing but the tokens themselves. Each slot is a pair of ints, the term's
 * hash and its id + 1, side by side so that one cache line answers a probe; the string itself is compared only
 * when the hashes agree. Ids are given in insertion order. Not thread-safe while {@link #add} is called; once
 * filled, concurrent {@link #get} calls are safe.
 */
final class TermTable {
  private static final int MIN_SLOTS = 1 << 10;

  private String[] terms;
  /** Per slot {@code s}: {@code slots[2s]} the hash, {@code slots[2s + 1]} the id + 1 (0 for an empty slot). */
  private int[] slots;
  private int mask;
  private int size;

  TermTable() {
    this(MIN_SLOTS / 2);
  }

  /** Creates a table sized for {@code expected} terms without growing. */
  TermTable(int expected) {
    int capacity = Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
    slots = new int[2 * capacity];
    mask = capacity - 1;
    terms = new String[capacity / 2];
  }

  /** Spreads the high bits of {@link String#hashCode} into the low bits that select a slot. */
  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** @return the id of {@code term}, adding it with the next id if it is new */
  int add(String term) {
    int h = spread(term.hashCode());
    int s = slot(term, h);
    int e = slots[2 * s + 1];
    return e != 0 ? e - 1 : insert(term, h, s);
  }

  /** @return the id of {@code term}, or -1 if it is not in the table */
  int get(String term) {
    return slots[2 * slot(term, spread(term.hashCode())) + 1] - 1;
  }

  /** @return the slot that holds {@code term}, or the empty slot where it would go */
  private int slot(String term, int h) {
    int s = h & mask;
    while (true) {
      int e = slots[2 * s + 1];
      if (e == 0 || (slots[2 * s] == h && terms[e - 1].equals(term))) {
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  private int insert(String term, int h, int slot) {
    int id = size++;
    if (id == terms.length) {
      terms = Arrays.copyOf(terms, id * 2);
    }
    terms[id] = term;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = id + 1;
    if (size * 2 > mask + 1) {
      rehash();
    }
    return id;
  }

  /** Doubles the slots, keeping the load factor at most 1/2 so that probe sequences stay short. */
  private void rehash() {
    int capacity = 2 * (mask + 1);
    if (capacity <= 0 || 2 * capacity <= 0) {
      throw new IllegalStateException("more than 2^29 distinct terms");
    }
    int[] grown = new int[2 * capacity];
    int m = capacity - 1;
    for (int old = 0; old <= mask; old++) {
      int e = slots[2 * old + 1];
      if (e != 0) {
        int h = slots[2 * old];
        int s = h & m;
        while (grown[2 * s + 1] != 0) {
          s = (s + 1) & m;
        }
        grown[2 * s] = h;
        grown[2 * s + 1] = e;
      }
    }
    slots = grown;
    mask = m;
  }

  /** @return the number of terms */
  int size() {
    return size;
  }

  /** @return the term with id {@code id} */
  String term(int id) {
    return terms[id];
  }
}
