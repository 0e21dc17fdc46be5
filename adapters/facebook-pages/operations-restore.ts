// Restore: create each post again on the Page's feed, unpublished and scheduled for the time the
// core hands us (the snapshot's, or the missed-item policy's), from the snapshot's content. A
// new id: the outcome records old → new. A restore that may already have happened (a timeout,
// a crash) first looks for the post it would have made, and adopts it instead of posting twice.
// A photo post is uploaded again from the bytes its snapshot holds (`/photos`, one by one).
import { failed, isOutcome, ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import { createPosts, type NewPost } from './api-batch.js';
import type { GraphApi } from './api.js';
import { createPhotoPost, type NewPhotoPost } from './api-photos.js';
import { contentOf, createParams, matchKey, photoParams, scheduledAtOf } from './mappers.js';
import { findScheduled, type ListScope } from './operations-listing.js';
import { checkItem } from './operations-writes.js';
import type { Post } from './schemas.js';

export async function restorePosts(api: GraphApi, scope: ListScope, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(requests.length);
  const planned: Array<{ index: number; id: string; post: NewPost }> = [];
  const photos: Array<{ index: number; id: string; post: NewPhotoPost }> = [];
  const adopted = new Set<string>();
  for (const [index, request] of requests.entries()) {
    const checked = checkItem(request, scope.pageId);
    if (isOutcome(checked)) {
      outcomes[index] = checked;
      continue;
    }
    if (request.scheduledAt === null) {
      outcomes[index] = refused(request.externalId, 'no send time: a Page post is only ever re-created scheduled, never published at once');
      continue;
    }
    const at = new Date(request.scheduledAt);
    if (request.mayExist) {
      // Same content, same time, not adopted for another item of this call: ours from before.
      const atSeconds = Math.ceil(at.getTime() / 1000);
      let earlier: Post | null;
      try {
        const wanted = matchKey(checked.content);
        earlier = await findScheduled(api, scope, (p) => !adopted.has(p.id) && p.scheduled_publish_time === atSeconds && matchKey(contentOf(p)) === wanted);
      } catch (error) {
        outcomes[index] = failed(request.externalId, error);
        continue;
      }
      if (earlier) {
        adopted.add(earlier.id);
        outcomes[index] = ok(request.externalId, 'SCHEDULED', { newExternalId: earlier.id, note: `adopted the post re-created earlier, scheduled ${scheduledAtOf(earlier)}` });
        continue;
      }
    }
    if (checked.image) {
      const image = { bytes: Buffer.from(checked.image.base64, 'base64'), contentType: checked.image.contentType };
      photos.push({ index, id: request.externalId, post: { pageId: scope.pageId, params: photoParams(checked.content, at), image } });
    } else planned.push({ index, id: request.externalId, post: { pageId: scope.pageId, params: createParams(checked.content, at) } });
  }
  for (const { index, id, post } of photos) {
    try {
      outcomes[index] = ok(id, 'SCHEDULED', { newExternalId: await createPhotoPost(api, post) });
    } catch (error) {
      outcomes[index] = failed(id, error);
    }
  }
  if (planned.length === 0) return outcomes;
  try {
    const results = await createPosts(
      api,
      planned.map((p) => p.post),
    );
    results.forEach((result, k) => {
      const { index, id } = planned[k]!;
      outcomes[index] = result.ok ? ok(id, 'SCHEDULED', { newExternalId: result.id }) : failed(id, result.error);
    });
  } catch (error) {
    for (const { index, id } of planned) outcomes[index] = failed(id, error);
  }
  return outcomes;
}
