/**
 * The pub/sub topics and their payloads, each published per entity id. The platform knows no
 * topic itself: a module adds its own by declaration merging, next to the message it publishes:
 *
 *     declare module '../../platform/topics' {
 *       interface TopicRegistry {
 *         'campaign:lifecycle': [businessId: string, message: LifecycleMessage];
 *       }
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface TopicRegistry {}

/** The registry as the object type yoga's PubSub takes (an interface has no implicit index signature). */
export type Topics = { [Topic in keyof TopicRegistry]: TopicRegistry[Topic] };
