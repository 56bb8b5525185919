import { z } from 'zod';
import { CHANGE_CLASSES } from './monitoring-values';
import { PageQuerySchema, WebUrlSchema, pageSchema, plainText } from './pagination';

/** Notifications: webhooks, noise rules, digest preferences, digests and the bell's inbox. */

export const WEBHOOK_FORMATS = ['slack', 'teams', 'generic'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** Events a webhook receives. */
export const WEBHOOK_EVENTS = ['change.detected', 'webhook.test'] as const;

/** The header names of a signed delivery (see the webhooks tag of the OpenAPI description). */
export const SIGNATURE_HEADER = 'X-Ringside-Signature';
export const EVENT_HEADER = 'X-Ringside-Event';
export const DELIVERY_HEADER = 'X-Ringside-Delivery';

const ChangeClassSchema = z.enum(CHANGE_CLASSES);

export const WebhookSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  /** The latest delivery's state, for the list. */
  lastDelivery: z
    .object({
      status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
      at: z.iso.datetime(),
    })
    .nullable(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** Only the create and rotate answers carry the secret; it is never shown again. */
export const WebhookWithSecretSchema = WebhookSchema.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecretSchema>;
export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) });

export const WEBHOOKS_PER_WORKSPACE_MAX = 20;

export const CreateWebhookBodySchema = z.strictObject({
  name: plainText(1, 80),
  url: WebUrlSchema,
  format: z.enum(WEBHOOK_FORMATS).default('generic'),
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.input<typeof CreateWebhookBodySchema>;

export const UpdateWebhookBodySchema = z
  .strictObject({
    name: plainText(1, 80).optional(),
    url: WebUrlSchema.optional(),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const WebhookAttemptSchema = z.object({
  id: z.uuid(),
  deliveryId: z.uuid(),
  event: z.string(),
  changeId: z.uuid().nullable(),
  attempt: z.number().int(),
  /** delivered (2xx), retrying (will be tried again), failed (given up). */
  outcome: z.enum(['delivered', 'retrying', 'failed']),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  at: z.iso.datetime(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;
export const WebhookAttemptPageSchema = pageSchema(WebhookAttemptSchema);
export const ListDeliveriesQuerySchema = PageQuerySchema;

export const WebhookTestResultSchema = z.object({
  deliveryId: z.uuid(),
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResultSchema>;

/** Workspace-wide noise rules. */
export const NotificationSettingsSchema = z.object({
  /** Changes below this importance (0–1) are recorded but not notified. */
  changeAlertThreshold: z.number().min(0).max(1),
  /** Changes of these classes are recorded but not notified. */
  mutedClasses: z.array(ChangeClassSchema),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export const UpdateNotificationSettingsBodySchema = z
  .strictObject({
    changeAlertThreshold: z.number().min(0).max(1).optional(),
    mutedClasses: z
      .array(ChangeClassSchema)
      .max(CHANGE_CLASSES.length)
      .refine((a) => new Set(a).size === a.length, 'must not repeat a class')
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** A person's own digest choice in this workspace. */
export const NotificationPreferencesSchema = z.object({
  digestFrequency: z.enum(DIGEST_FREQUENCIES),
  digestEmail: z.boolean(),
  /** Whether this installation can send e-mail at all (SMTP configured). */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
export const UpdateNotificationPreferencesBodySchema = z
  .strictObject({
    digestFrequency: z.enum(DIGEST_FREQUENCIES).optional(),
    digestEmail: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const DigestChangeSchema = z.object({
  id: z.uuid(),
  competitor: z.object({ id: z.uuid(), name: z.string() }),
  class: ChangeClassSchema,
  importance: z.number(),
  summary: z.string(),
  url: z.string(),
  detectedAt: z.iso.datetime(),
});
export type DigestChange = z.infer<typeof DigestChangeSchema>;

export const DigestSummarySchema = z.object({
  id: z.uuid(),
  frequency: z.enum(['daily', 'weekly']),
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  changeCount: z.number().int(),
  emailStatus: z.enum(['off', 'pending', 'sent', 'failed']),
  createdAt: z.iso.datetime(),
});
export type DigestSummary = z.infer<typeof DigestSummarySchema>;
export const DigestPageSchema = pageSchema(DigestSummarySchema);
export const DigestSchema = DigestSummarySchema.extend({
  /** Changes still present (a change deleted with its competitor drops out). */
  changes: z.array(DigestChangeSchema),
});
export type Digest = z.infer<typeof DigestSchema>;

/** The bell: unread changes that passed the noise rules, newest first. */
export const InboxSchema = z.object({
  unreadCount: z.number().int(),
  items: z.array(DigestChangeSchema),
});
export type Inbox = z.infer<typeof InboxSchema>;
