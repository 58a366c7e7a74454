/**
 * What Stempel keeps of one Teams conversation so it can write into it later (docs/teams.md): where its
 * Bot Connector lives, who the bot is there, and for a personal chat whose chat it is. Nothing of what was
 * said is stored. Kept in Teams' own terms, but free of the SDK's types.
 */
export interface TeamsConversation {
  /** The conversation id, without the `;messageid=` of a channel thread: new posts go to the channel. */
  id: string;
  serviceUrl: string;
  channelId: string;
  tenantId?: string;
  kind: 'personal' | 'channel' | 'groupChat';
  /** The channel or group chat's name, when Teams sent one. */
  name?: string;
  /** The team of a channel: re-adding the app to a team brings back all its channels. */
  teamId?: string;
  teamName?: string;
  bot: { id: string; name?: string };
  /** The person of a personal chat: their Teams id (MRI, `29:…`) and Entra object id. */
  user?: { id: string; aadObjectId?: string; name?: string };
  /** False after the app was removed from the conversation; an activity from it sets it again. */
  installed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamsConversationUpdate = Omit<TeamsConversation, 'createdAt' | 'updatedAt'>;

/** Where conversation references are kept (src/store/teams-conversations.ts, wired by the composition root). */
export interface TeamsConversations {
  remember(conversation: TeamsConversationUpdate, at: Date): Promise<void>;
  get(id: string): Promise<TeamsConversation | undefined>;
  personalChatOf(aadObjectId: string): Promise<TeamsConversation | undefined>;
  /** The ids of the stored channels of a team. */
  channelsOfTeam(teamId: string): Promise<string[]>;
}
