import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/auth-provider.stories.js';

visualSuite('auth-provider', stories);
