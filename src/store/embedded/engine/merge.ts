/** A k-way merge of sorted streams through a binary heap. */

interface Head<T> {
  value: T;
  stream: Iterator<T>;
}

export function* mergeSorted<T>(
  streams: Iterable<Iterable<T>>,
  compare: (a: T, b: T) => number,
): Generator<T> {
  const heap: Head<T>[] = [];
  const less = (a: Head<T>, b: Head<T>) => compare(a.value, b.value) < 0;
  const push = (head: Head<T>) => {
    heap.push(head);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!less(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const siftDown = () => {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === at) return;
      [heap[at], heap[smallest]] = [heap[smallest]!, heap[at]!];
      at = smallest;
    }
  };
  for (const iterable of streams) {
    const stream = iterable[Symbol.iterator]();
    const first = stream.next();
    if (!first.done) push({ value: first.value, stream });
  }
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.value;
    const next = top.stream.next();
    if (next.done) {
      const last = heap.pop()!;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      top.value = next.value;
    }
    siftDown();
  }
}
