// English of the explorer's connection notices: connected, lost, back again and what the tree kept. A notice is a
// list of these sentences, joined by a space. URLs, filters and counts are {placeholders}.

export const explorerNoticesEn = {
  notices: {
    connected: 'Connected to {url} and subscribed to {filters}.',
    disconnected: 'Disconnected from {url}.',
    lost: 'Lost the connection to {url}. The explorer keeps trying.',
    lostBecause: 'Lost the connection to {url} ({reason}). The explorer keeps trying.',
    reconnected: 'Reconnected to {url} and subscribed again to {filters}.',
    reconnectedAfter: 'Reconnected to {url} after {seconds} s and subscribed again to {filters}.',
    kept: 'The tree kept its {topics} topics and {messages} counted messages.',
    missedWhileAway: 'Messages published while the explorer was away were not received (retained ones come again).',
    noFilters: 'no filters',
    brokerChanged: 'The broker changed, so the tree starts empty: its topics belong to the other broker.',
    unsubscribed: 'Unsubscribed from "{filter}". Topics already in the tree stay until you clear it.',
    cleared: 'Cleared the tree: counts and history start again from zero. Subscriptions stay.',
    notConnected: 'The explorer is not connected. {reason}',
    idChanged: 'Your student ID is now {id}, so the explorer listens to "{filter}" instead of "{previous}".',
  },
};
