// Checks on the items we are handed, and suspend: one batch of deletes, after the core has
// stored each post's full snapshot (invariant 2). A post we could not put back (a video or an
// album, a photo whose image we could not store) is refused, never deleted (invariant 9).
import { failed, isOutcome, ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Outcome } from '../types.js';
import { isPostId, pageOfPost } from './adapter-settings.js';
import { deletePosts } from './api-batch.js';
import type { GraphApi } from './api.js';
import { imageDigest, OBJECT_TYPE, snapshotSchema, type PostSnapshot } from './mappers.js';

/** The item's snapshot, or the refusal of an item this adapter cannot touch. */
export function checkItem(item: ItemRef, pageId: string): PostSnapshot | Outcome {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'delete') {
    return refused(item.externalId, `facebook-pages handles page posts by delete, not ${item.objectType}/${item.method}`);
  }
  if (!isPostId(item.externalId)) return refused(item.externalId, `not a Page post id: ${JSON.stringify(item.externalId)}`);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (!snapshot.success) return refused(item.externalId, 'the stored snapshot is not a facebook-pages post snapshot');
  if (snapshot.data.pageId !== pageId || pageOfPost(item.externalId) !== pageId) {
    return refused(item.externalId, `post ${item.externalId} is not on this connection's Page ${pageId}`);
  }
  // A photo is deleted only when the stored snapshot holds its very bytes.
  const { content, image, recreatable } = snapshot.data;
  if (recreatable && content['mediaType'] === 'photo' && !(image && content['image'] === image.digest && imageDigest(Buffer.from(image.base64, 'base64')) === image.digest)) {
    return refused(item.externalId, 'the stored snapshot of this photo post does not hold its image');
  }
  return snapshot.data;
}

export async function suspendPosts(api: GraphApi, pageId: string, items: readonly ItemRef[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(items.length);
  const targets: Array<{ index: number; id: string }> = [];
  items.forEach((item, index) => {
    const checked = checkItem(item, pageId);
    if (isOutcome(checked)) outcomes[index] = checked;
    else if (!checked.recreatable) outcomes[index] = refused(item.externalId, refusalOf(checked), 'invalid_state');
    else targets.push({ index, id: item.externalId });
  });
  if (targets.length === 0) return outcomes;
  try {
    const results = await deletePosts(
      api,
      targets.map((t) => t.id),
    );
    results.forEach((result, k) => {
      const { index, id } = targets[k]!;
      if (result.ok) outcomes[index] = ok(id, 'DELETED');
      // Deleted already (a retry after an unclear answer): our suspension is what left it so.
      else if (result.error.code === 'not_found') outcomes[index] = ok(id, 'DELETED', { note: 'already deleted' });
      else outcomes[index] = failed(id, result.error);
    });
  } catch (error) {
    for (const { index, id } of targets) outcomes[index] = failed(id, error);
  }
  return outcomes;
}

function refusalOf(snapshot: PostSnapshot): string {
  const media = String(snapshot.content['mediaType'] ?? 'media');
  if (media === 'photo') return `a photo post we could not store whole (${snapshot.refusal ?? 'no image'}), so it is not deleted; pause it by hand`;
  return `a ${media} post: Meta gives no way to post its media again from a read, so it is not deleted; pause it by hand`;
}
