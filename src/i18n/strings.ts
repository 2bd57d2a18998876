/**
 * Every sentence the bot says, by face, as one type: src/i18n/ko.ts and en.ts are `Strings`, so a
 * key missing from either (or one only one has) is a type error. Functions take what varies, already
 * made safe by the caller for its face (an escaped question, a mention from userMention). Strings
 * under `answers` and `slack` are Slack mrkdwn where they have marks; the others are plain text.
 */
export interface Strings {
  /** Said by every face. */
  common: {
    /** An unexpected failure, whose details went to the log. */
    failed: string;
  };
  /** Around knowledge answers, in Slack and the terminal. */
  answers: {
    shareInChannel: string;
    otherMatches: string;
    read: string;
    explain: string;
    notAnswered: (question: string) => string;
    noCloseTopics: string;
    otherMatchesIntro: (question: string) => string;
    noOtherMatches: string;
    sharedBy: (mention: string, question: string) => string;
    explainedFor: (mention: string) => string;
    related: string;
    source: (entryId: string) => string;
    truncated: (entryId: string) => string;
    helpIntro: string;
    helpUsage: string;
    topicsHeading: string;
    moreTopics: (count: number) => string;
    homeTitle: string;
    homeIntro: string;
    homeHowTo: string;
    askButton: string;
    modalTitle: string;
    askLabel: string;
    askPlaceholder: string;
    askSubmit: string;
    close: string;
  };
  /** Knowledge answers in a terminal (shell, CLI). */
  terminal: {
    didYouMean: string;
    noTopics: string;
    alsoSee: string;
  };
  /** The Docker views, in Slack and the terminal. */
  docker: {
    containers: (count: number) => string;
    noContainers: string;
    runningOnly: string;
    filters: string;
    showing: (shown: number, total: number) => string;
    narrow: string;
    states: Record<'running' | 'paused' | 'restarting' | 'created' | 'exited' | 'dead' | 'removing', string>;
    columns: [id: string, name: string, image: string, status: string, ports: string, command: string];
    labels: string;
    kinds: { images: string; containers: string; volumes: string; buildCache: string };
    dfColumns: [type: string, total: string, active: string, size: string, reclaimable: string];
    active: string;
    reclaimable: string;
    rootDir: string;
    total: string;
    measuredAt: string;
    advice: (entryId: string) => string;
    largest: { images: string; containers: string; volumes: string };
    usedBy: (count: string) => string;
    none: string;
    /** Above a Docker result someone shared from their private copy; `command` is inline code already. */
    sharedBy: (mention: string, command: string) => string;
  };
  /** What follows /docker-ps and /docker-df: usage, and why the arguments were refused. */
  dockerArgs: {
    psUsage: (statuses: string, healths: string) => string;
    dfUsage: string;
    quoteNotClosed: string;
    needsValue: (option: string) => string;
    notAnOption: (word: string) => string;
    notKeyValue: (word: string) => string;
    unknownOption: (option: string) => string;
    ancestorSpaces: string;
    labelNeedsKey: string;
    unknownFilter: (key: string) => string;
    dfNoFilter: (key: string) => string;
    emptyValue: (key: string) => string;
    valueTooLong: (key: string, max: number) => string;
    controlCharacters: (key: string) => string;
    oneHost: string;
    badHostName: (name: string) => string;
    notOneOf: (key: string, value: string, allowed: string) => string;
  };
  /** Slack replies that are not knowledge answers: refusals, progress, failures. */
  slack: {
    refusedUser: string;
    refusedChannel: string;
    rateLimited: (retryAfterSec: number) => string;
    otherWorkspace: string;
    running: (command: string) => string;
    notInChannel: string;
    nothingToExplain: string;
    topicGone: string;
    explainedPrivately: string;
    emptyQuestion: string;
  };
  /** The terminal shell. */
  shell: {
    banner: (topics: number) => string;
    languages: string;
    help: string;
    bye: string;
    unknownCommand: (word: string) => string;
  };
  /** The command line. */
  cli: {
    usage: string;
    unknownCommand: (command: string) => string;
    noCommand: string;
    unknownAskOption: (option: string) => string;
    questionTwice: string;
    noQuestion: string;
  };
}
