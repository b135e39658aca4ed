/**
 * Every element's zh-CN messages, imported first by the bundle that holds every element (the CDN
 * file, src/index.ts) so that the catalogs sit side by side in the output: gzip finds the phrases
 * they share only within 32 KB, and spread between the elements' code they compress about 4 KB
 * worse. Each element still registers its own messages when it is defined.
 */
import './login.js';
import './realname.js';
import './documents.js';
import './notice.js';
import './plan.js';
import './registration.js';
import './photo.js';
import './payment.js';
import './printer.js';
import './timeline.js';
import './queries.js';
import './portal.js';
import './validation.js';
