import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/my-delegates.stories.js';

visualSuite('my-delegates', stories);
