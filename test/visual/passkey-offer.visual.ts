import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/passkey-offer.stories.js';

visualSuite('passkey-offer', stories);
