package io.tessera.text;

import java.util.Arrays;

/**
 * A string-to-dense-id table with open addressing (linear probing) over {@code int} slots: no boxed integers and
 * no entry objects, so counting millions of tokens allocates nothing but the tokens themselves. Ids are given in
 * insertion order. Not thread-safe while {@link #add} is called; once filled, concurrent {@link #get} calls are
 * safe.
 */
final class TermTable {
  private static final int MIN_SLOTS = 1 << 10;

  private String[] terms;
  private int[] hashes;
  /** {@code id + 1} per slot, 0 for an empty slot. */
  private int[] slots;
  private int mask;
  private int size;

  TermTable() {
    this(MIN_SLOTS / 2);
  }

  /** Creates a table sized for {@code expected} terms without growing. */
  TermTable(int expected) {
    int capacity = Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
    slots = new int[capacity];
    mask = capacity - 1;
    terms = new String[capacity / 2];
    hashes = new int[capacity / 2];
  }

  /** Spreads the high bits of {@link String#hashCode} into the low bits that select a slot. */
  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** @return the id of {@code term}, adding it with the next id if it is new */
  int add(String term) {
    int h = spread(term.hashCode());
    int s = slot(term, h);
    return slots[s] != 0 ? slots[s] - 1 : insert(term, h, s);
  }

  /** @return the id of {@code term}, or -1 if it is not in the table */
  int get(String term) {
    return slots[slot(term, spread(term.hashCode()))] - 1;
  }

  /** @return the slot that holds {@code term}, or the empty slot where it would go */
  private int slot(String term, int h) {
    int s = h & mask;
    while (true) {
      int e = slots[s];
      if (e == 0 || (hashes[e - 1] == h && terms[e - 1].equals(term))) {
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  private int insert(String term, int h, int slot) {
    int id = size++;
    if (id == terms.length) {
      terms = Arrays.copyOf(terms, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    terms[id] = term;
    hashes[id] = h;
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  /** Doubles the slots, keeping the load factor at most 1/2 so that probe sequences stay short. */
  private void rehash() {
    int capacity = slots.length * 2;
    if (capacity <= 0) {
      throw new IllegalStateException("more than 2^30 distinct terms");
    }
    int[] grown = new int[capacity];
    int m = capacity - 1;
    for (int id = 0; id < size; id++) {
      int s = hashes[id] & m;
      while (grown[s] != 0) {
        s = (s + 1) & m;
      }
      grown[s] = id + 1;
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
